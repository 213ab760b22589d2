package org.duban.admin;

import org.duban.org.Role;

/**
 * Which users to list. {@code text} matches user name or display name (case-insensitive, part of the word); a null
 * field does not filter.
 */
public record UserFilter(String text, String unitCode, Role role, Boolean active) {

    public static UserFilter all() {
        return new UserFilter(null, null, null, null);
    }
}
