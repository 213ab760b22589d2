package org.duban.admin;

/** The new user, and the generated password when none was given (null otherwise): shown once, never stored. */
public record CreatedUser(UserSummary user, String generatedPassword) {
}
