package org.duban.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Camunda group ids derived from units and roles. A user belongs to the role-wide group of each role
 * ({@code SUPERVISOR}, {@code ADMIN}, …) and to the unit-scoped group of each role ({@code CAOXIAN.CLERK},
 * {@code KJJ.REVIEWER}). User tasks name these as candidate groups, so a task offered to {@code CAOXIAN.CLERK} is
 * visible to 曹县's clerks and nobody else.
 */
public final class CandidateGroups {

    private CandidateGroups() {
    }

    public static String of(String unitCode, Role role) {
        return unitCode + "." + role.name();
    }

    public static String of(Role role) {
        return role.name();
    }

    public static List<String> forUser(String unitCode, Set<Role> roles) {
        List<String> groups = new ArrayList<>();
        for (Role role : roles) {
            groups.add(of(role));
            groups.add(of(unitCode, role));
        }
        return groups;
    }
}
