package org.duban.catalog;

import java.util.List;

/**
 * A plan upload or a step of its preview was refused. {@link #getCode()} names the rule (a message key
 * {@code imports.error.<code>} in the UI, with {@link #getArgs()}); the message says the same in words for logs and
 * callers without a translation.
 */
public class PlanImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final List<String> args;

    public PlanImportException(String code, String message, String... args) {
        super(message);
        this.code = code;
        this.args = List.of(args);
    }

    public String getCode() {
        return code;
    }

    public List<String> getArgs() {
        return args;
    }
}
