package org.duban.admin;

import java.text.Normalizer;

/** Checks shared by the admin services; each failure names the field and the rule. */
final class Inputs {

    private Inputs() {
    }

    /** The stripped value; refused when blank or longer than {@code max} characters. */
    static String required(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new AdminValidationException(field, "required", "is required");
        }
        return maxLength(field, stripped, max);
    }

    /** The stripped value, or null when blank; refused when longer than {@code max} characters. */
    static String optional(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : maxLength(field, stripped, max);
    }

    private static String maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new AdminValidationException(field, "tooLong",
                    "is " + value.length() + " characters long, at most " + max + " are allowed",
                    String.valueOf(max), String.valueOf(value.length()));
        }
        return value;
    }

    /**
     * The form under which two unit names count as the same: compatibility-normalised (full- and half-width
     * brackets, letters and digits alike) and without whitespace, which documents scatter between Chinese
     * characters. Stricter than the name resolver, so no two units can ever answer to one name.
     */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }
}
