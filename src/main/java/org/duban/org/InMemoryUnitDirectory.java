package org.duban.org;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit directory held in memory: the shipped registry for the command line, or a snapshot of the database for one
 * import, so resolving hundreds of names costs no queries.
 */
public final class InMemoryUnitDirectory implements UnitDirectory {

    private final List<UnitRef> units;
    private final Map<String, UnitRef> byName = new HashMap<>();

    public InMemoryUnitDirectory(List<UnitRef> units, Map<String, ? extends Collection<String>> aliasesByCode) {
        this.units = List.copyOf(units);
        for (UnitRef unit : units) {
            byName.put(normalise(unit.name()), unit);
        }
        for (UnitRef unit : units) {
            Collection<String> aliases = aliasesByCode.get(unit.code());
            if (aliases != null) {
                aliases.forEach(alias -> byName.putIfAbsent(normalise(alias), unit));
            }
        }
    }

    /** The registry shipped with Duban, without any database. */
    public static InMemoryUnitDirectory ofDefaultRegistry() {
        List<RegistryFile.Entry> entries = RegistryFile.readDefault();
        Map<String, List<String>> aliases = new HashMap<>();
        entries.forEach(e -> aliases.put(e.code(), e.aliases()));
        return new InMemoryUnitDirectory(entries.stream().map(RegistryFile.Entry::toRef).toList(), aliases);
    }

    @Override
    public Optional<UnitRef> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(normalise(name)));
    }

    @Override
    public List<UnitRef> ofTypes(UnitType... types) {
        Set<UnitType> wanted = Set.copyOf(Arrays.asList(types));
        // registry order, grouped in the order the types were asked for
        return Arrays.stream(types).distinct()
                .flatMap(type -> units.stream().filter(u -> u.type() == type))
                .filter(u -> wanted.contains(u.type()))
                .toList();
    }

    /** Names are compared without whitespace, which documents scatter freely between Chinese characters. */
    static String normalise(String name) {
        return name.replaceAll("[\\s\\u3000]+", "");
    }
}
