package org.duban.admin;

import java.util.Locale;
import org.duban.org.UnitType;

/**
 * Which units to list. {@code text} matches code, name or an alias (case-insensitive, part of the word); a null
 * field does not filter.
 */
public record UnitFilter(String text, UnitType type, Boolean active, Boolean registered) {

    public static UnitFilter all() {
        return new UnitFilter(null, null, null, null);
    }

    public static UnitFilter activeOnly() {
        return new UnitFilter(null, null, true, null);
    }

    boolean matches(UnitSummary unit) {
        return (type == null || unit.type() == type)
                && (active == null || unit.active() == active)
                && (registered == null || unit.registered() == registered)
                && matchesText(unit);
    }

    private boolean matchesText(UnitSummary unit) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = key(text);
        return key(unit.code()).contains(wanted) || key(unit.name()).contains(wanted)
                || unit.aliases().stream().anyMatch(a -> key(a).contains(wanted));
    }

    private static String key(String name) {
        return Inputs.nameKey(name).toLowerCase(Locale.ROOT);
    }
}
