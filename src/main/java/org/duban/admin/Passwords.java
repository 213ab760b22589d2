package org.duban.admin;

import java.security.SecureRandom;

/** Password rules for admins setting passwords, and generated passwords that read unambiguously aloud or on paper. */
final class Passwords {

    static final int MIN_LENGTH = 8;
    /** bcrypt looks at the first 72 bytes only; longer would silently not count. */
    static final int MAX_LENGTH = 72;
    private static final int GENERATED_LENGTH = 12;
    // no 0/O, 1/l/I
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static String checked(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new AdminValidationException(field, "passwordTooShort",
                    "must be at least " + MIN_LENGTH + " characters long", String.valueOf(MIN_LENGTH));
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new AdminValidationException(field, "passwordTooLong",
                    "must be at most " + MAX_LENGTH + " bytes long", String.valueOf(MAX_LENGTH));
        }
        if (password.isBlank()) {
            throw new AdminValidationException(field, "required", "is required");
        }
        return password;
    }
}
