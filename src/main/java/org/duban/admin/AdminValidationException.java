package org.duban.admin;

import java.util.List;

/**
 * An admin's input broke a rule; nothing was changed. Carries the field at fault, a code naming the rule and the
 * values the message needs, so the UI can translate {@code admin.error.<code>}; {@link #getMessage()} is the English
 * text for logs and tests.
 */
public class AdminValidationException extends RuntimeException {

    private final String field;
    private final String code;
    private final List<String> args;

    public AdminValidationException(String field, String code, String message, String... args) {
        super(field + ": " + message);
        this.field = field;
        this.code = code;
        this.args = List.of(args);
    }

    /** The input field at fault, e.g. {@code code}, {@code name}, {@code alias}, {@code username}, {@code roles}. */
    public String getField() {
        return field;
    }

    /** The rule that was broken; the UI message key is {@code admin.error.<code>}. */
    public String getCode() {
        return code;
    }

    /** Values for the message's placeholders {0}, {1}, … in order. */
    public List<String> getArgs() {
        return args;
    }
}
