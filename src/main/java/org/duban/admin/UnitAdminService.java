package org.duban.admin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.duban.audit.AuditService;
import org.duban.org.AppUserRepository;
import org.duban.org.Unit;
import org.duban.org.UnitAlias;
import org.duban.org.UnitAliasRepository;
import org.duban.org.UnitRepository;
import org.duban.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit registry as admins edit it. Units are never deleted, because reports, assignments and the audit trail point
 * at them: they are deactivated instead. A name or alias belongs to one unit only, so every document wording resolves
 * to exactly one unit.
 *
 * <p>Merging an unregistered unit into a registered one is deliberately not offered: its assignments, reports,
 * escalations and running process instances (whose candidate groups carry the unit code) live in other features, and
 * rewriting them all safely needs a merge event those features handle. Until then an admin marks such a unit
 * registered, renames it and gives it aliases.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class UnitAdminService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{2,40}");
    private static final int NAME_MAX = 100;

    private final UnitRepository units;
    private final UnitAliasRepository aliases;
    private final AppUserRepository users;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public UnitAdminService(UnitRepository units, UnitAliasRepository aliases, AppUserRepository users,
            AuditService audit, CurrentUser currentUser) {
        this.units = units;
        this.aliases = aliases;
        this.users = users;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Units matching the filter, in registry order. */
    @Transactional(readOnly = true)
    public List<UnitSummary> units(UnitFilter filter) {
        Map<String, Long> activeUsers = activeUsersByUnit();
        return units.findAllWithAliases().stream()
                .map(u -> summary(u, activeUsers.getOrDefault(u.getCode(), 0L)))
                .filter(filter::matches)
                .toList();
    }

    @Transactional(readOnly = true)
    public UnitSummary unit(String code) {
        return summary(find(code));
    }

    public UnitSummary create(UnitDraft draft) {
        String code = Inputs.required("code", draft.code(), 40);
        if (!CODE.matcher(code).matches()) {
            throw new AdminValidationException("code", "codePattern",
                    "“" + code + "” is not a valid code: use 2–40 capital letters A–Z, digits, _ or -", code);
        }
        units.findByCode(code).ifPresent(other -> {
            throw new AdminValidationException("code", "codeTaken",
                    "“" + code + "” is already the code of " + other.getName(), code, other.getName());
        });
        String name = checkedName(draft.name(), null);
        requireType(draft.type());
        Unit unit = new Unit(code, name, draft.type(), true, units.maxSortOrder() + 1);
        unit.setLeaderSignoff(draft.leaderSignoff());
        units.save(unit);
        record(AdminActions.UNIT_CREATED, unit, "Unit " + unit + " created", null, state(unit));
        return summary(unit);
    }

    public UnitSummary update(String code, UnitChange change) {
        Unit unit = find(code);
        String name = checkedName(change.name(), unit);
        requireType(change.type());
        Map<String, Object> before = state(unit);
        unit.setName(name);
        unit.setType(change.type());
        unit.setLeaderSignoff(change.leaderSignoff());
        Map<String, Object> after = state(unit);
        if (!after.equals(before)) {
            record(AdminActions.UNIT_CHANGED, unit, "Unit " + unit + " changed", before, after);
        }
        return summary(unit);
    }

    /** Adds another name the unit goes by; refused when any other unit already answers to it. */
    public UnitSummary addAlias(String code, String alias) {
        Unit unit = find(code);
        String value = Inputs.required("alias", alias, NAME_MAX);
        String key = Inputs.nameKey(value);
        if (unit.getAliases().stream().anyMatch(a -> Inputs.nameKey(a.getAlias()).equals(key))) {
            throw new AdminValidationException("alias", "aliasExists",
                    "“" + value + "” is already an alias of " + unit.getName(), value, unit.getName());
        }
        if (Inputs.nameKey(unit.getName()).equals(key)) {
            throw new AdminValidationException("alias", "aliasIsOwnName",
                    "“" + value + "” is the unit's own name", value);
        }
        otherUnitKnownAs(key, unit).ifPresent(other -> {
            throw new AdminValidationException("alias", "nameUsedByOther",
                    "“" + value + "” is already the name or an alias of " + other.getName() + " (" + other.getCode()
                            + ")", value, other.getName(), other.getCode());
        });
        Map<String, Object> before = state(unit);
        unit.addAlias(value);
        record(AdminActions.UNIT_ALIAS_ADDED, unit, "Alias “" + value + "” added to " + unit, before, state(unit));
        return summary(unit);
    }

    public UnitSummary removeAlias(String code, String alias) {
        Unit unit = find(code);
        String value = alias == null ? "" : alias.strip();
        if (unit.getAliases().stream().noneMatch(a -> a.getAlias().equals(value))) {
            throw new AdminValidationException("alias", "aliasNotFound",
                    "“" + value + "” is not an alias of " + unit.getName(), value, unit.getName());
        }
        Map<String, Object> before = state(unit);
        aliases.deleteAlias(unit.getId(), value);
        Unit stored = find(code);
        record(AdminActions.UNIT_ALIAS_REMOVED, stored, "Alias “" + value + "” removed from " + stored, before,
                state(stored));
        return summary(stored);
    }

    /**
     * Takes the unit out of use: it no longer resolves from documents and its users can no longer sign in. Its history
     * stays. An admin cannot deactivate their own unit, which would lock themselves out.
     */
    public UnitSummary deactivate(String code) {
        Unit unit = find(code);
        if (!unit.isActive()) {
            return summary(unit);
        }
        if (unit.getCode().equals(currentUser.require().getUnitCode())) {
            throw new AdminValidationException("code", "ownUnit",
                    "you cannot deactivate your own unit " + unit.getName() + ": you would lock yourself out",
                    unit.getName());
        }
        Map<String, Object> before = state(unit);
        unit.setActive(false);
        record(AdminActions.UNIT_DEACTIVATED, unit, "Unit " + unit + " deactivated", before, state(unit));
        return summary(unit);
    }

    public UnitSummary reactivate(String code) {
        Unit unit = find(code);
        if (unit.isActive()) {
            return summary(unit);
        }
        Map<String, Object> before = state(unit);
        unit.setActive(true);
        record(AdminActions.UNIT_REACTIVATED, unit, "Unit " + unit + " reactivated", before, state(unit));
        return summary(unit);
    }

    /** Accepts a unit that an import created from an unknown name as a proper member of the registry. */
    public UnitSummary markRegistered(String code) {
        Unit unit = find(code);
        if (unit.isRegistered()) {
            return summary(unit);
        }
        Map<String, Object> before = state(unit);
        unit.setRegistered(true);
        record(AdminActions.UNIT_CHANGED, unit, "Unit " + unit + " marked registered", before, state(unit));
        return summary(unit);
    }

    private String checkedName(String name, Unit self) {
        String value = Inputs.required("name", name, NAME_MAX);
        otherUnitKnownAs(Inputs.nameKey(value), self).ifPresent(other -> {
            throw new AdminValidationException("name", "nameUsedByOther",
                    "“" + value + "” is already the name or an alias of " + other.getName() + " (" + other.getCode()
                            + ")", value, other.getName(), other.getCode());
        });
        return value;
    }

    /** The unit other than {@code self} whose name or an alias has the given key, active or not. */
    private Optional<Unit> otherUnitKnownAs(String key, Unit self) {
        for (Unit other : units.findAllWithAliases()) {
            if (self != null && other.getId().equals(self.getId())) {
                continue;
            }
            if (Inputs.nameKey(other.getName()).equals(key)
                    || other.getAliases().stream().anyMatch(a -> Inputs.nameKey(a.getAlias()).equals(key))) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    private static void requireType(Object type) {
        if (type == null) {
            throw new AdminValidationException("type", "required", "is required");
        }
    }

    private Unit find(String code) {
        return units.findByCode(code == null ? "" : code.strip()).orElseThrow(() -> new AdminValidationException(
                "code", "unitNotFound", "no unit has the code “" + code + "”", String.valueOf(code)));
    }

    private void record(String action, Unit unit, String summary, Map<String, Object> before,
            Map<String, Object> after) {
        audit.record(currentUser.nameOrSystem(), action, AdminActions.UNIT, unit.getCode(), summary,
                AuditStates.json(before), AuditStates.json(after));
    }

    private Map<String, Long> activeUsersByUnit() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : users.countActiveByUnitCode()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private UnitSummary summary(Unit unit) {
        return summary(unit, activeUsersByUnit().getOrDefault(unit.getCode(), 0L));
    }

    private static UnitSummary summary(Unit unit, long activeUsers) {
        return new UnitSummary(unit.getCode(), unit.getName(), unit.getType(), unit.isRegistered(), unit.isActive(),
                unit.isLeaderSignoff(), unit.getAliases().stream().map(UnitAlias::getAlias).toList(), activeUsers);
    }

    private static Map<String, Object> state(Unit unit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", unit.getCode());
        state.put("name", unit.getName());
        state.put("type", unit.getType().name());
        state.put("registered", unit.isRegistered());
        state.put("active", unit.isActive());
        state.put("leaderSignoff", unit.isLeaderSignoff());
        state.put("aliases", unit.getAliases().stream().map(UnitAlias::getAlias).sorted().toList());
        return state;
    }
}
