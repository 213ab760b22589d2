package org.duban.admin;

import java.util.Set;
import org.duban.org.Role;

/** What an admin may change on a user. The user name stays; the password has its own reset. */
public record UserChange(String displayName, String unitCode, Set<Role> roles, String email) {
}
