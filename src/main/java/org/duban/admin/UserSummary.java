package org.duban.admin;

import java.util.Set;
import org.duban.org.Role;

/** A user as the admin screens show it; never the password hash. */
public record UserSummary(String username, String displayName, String unitCode, String unitName, Set<Role> roles,
        String email, boolean active) {
}
