package org.duban.admin;

import java.util.Set;
import org.duban.org.Role;

/**
 * A user to create. {@code initialPassword} may be null or blank: a password is then generated and returned once in
 * {@link CreatedUser}.
 */
public record NewUser(String username, String displayName, String unitCode, Set<Role> roles, String email,
        String initialPassword) {
}
