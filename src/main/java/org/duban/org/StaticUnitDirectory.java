package org.duban.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unit registry shipped with Duban ({@code heze-units.tsv} on the classpath), for code that runs without a
 * database: the {@code catalog parse} command line and parser tests. Names match canonical names and aliases,
 * ignoring whitespace and the difference between full- and half-width brackets.
 */
public final class StaticUnitDirectory implements UnitDirectory {

    private final InMemoryUnitDirectory registry;

    private StaticUnitDirectory(InMemoryUnitDirectory registry) {
        this.registry = registry;
    }

    /** Loads {@value RegistryFile#DEFAULT_RESOURCE} from the classpath. */
    public static StaticUnitDirectory load() {
        List<RegistryFile.Entry> entries = RegistryFile.readDefault();
        Map<String, List<String>> aliases = new HashMap<>();
        for (RegistryFile.Entry entry : entries) {
            aliases.put(entry.code(), entry.aliases());
        }
        return new StaticUnitDirectory(
                new InMemoryUnitDirectory(entries.stream().map(RegistryFile.Entry::toRef).toList(), aliases));
    }

    @Override
    public Optional<UnitRef> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<UnitRef> unit = registry.resolve(name);
        return unit.isPresent() ? unit : registry.resolve(name.replace('(', '（').replace(')', '）'));
    }

    @Override
    public List<UnitRef> ofTypes(UnitType... types) {
        return registry.ofTypes(types);
    }
}
