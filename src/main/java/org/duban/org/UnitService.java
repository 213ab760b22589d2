package org.duban.org;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unit registry as stored in the database; admins edit it, imports resolve names through it. */
@Service
@Transactional(readOnly = true)
public class UnitService {

    private final UnitRepository units;

    public UnitService(UnitRepository units) {
        this.units = units;
    }

    /** All units with their aliases, held in memory for one batch of lookups. */
    public UnitDirectory snapshot() {
        List<Unit> all = units.findAllByOrderBySortOrderAscIdAsc();
        Map<String, List<String>> aliases = new HashMap<>();
        for (Unit unit : all) {
            aliases.put(unit.getCode(), unit.getAliases().stream().map(UnitAlias::getAlias).toList());
        }
        return new InMemoryUnitDirectory(all.stream().filter(Unit::isActive).map(Unit::toRef).toList(), aliases);
    }

    public Optional<Unit> findByCode(String code) {
        return units.findByCode(code);
    }

    public List<Unit> findAll() {
        return units.findAllByOrderBySortOrderAscIdAsc();
    }

    /**
     * The unit for a name a document used but the registry does not know: created as unregistered, so work can be
     * assigned to it at once and an admin can later merge it or give it a proper code.
     */
    @Transactional
    public Unit findOrRegisterUnknown(String name) {
        return units.findByName(name).or(() -> units.findByAlias(name)).orElseGet(() -> {
            Unit unit = new Unit(codeForUnknown(name), name, UnitType.OTHER, false, units.maxSortOrder() + 1);
            return units.save(unit);
        });
    }

    /** ASCII code for an unregistered unit, stable for the same name so re-imports find it again. */
    static String codeForUnknown(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "X" + HexFormat.of().withUpperCase().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
