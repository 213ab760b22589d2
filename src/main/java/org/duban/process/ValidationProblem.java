package org.duban.process;

import java.util.List;
import java.util.Locale;

/**
 * One reason an upload cannot be deployed: the file, the line when known, and the rule broken ({@code code}, message
 * key {@code process.problem.<code>} with {@code args}).
 */
public record ValidationProblem(String file, Integer line, String code, List<String> args) {

    public ValidationProblem {
        args = List.copyOf(args);
    }

    static ValidationProblem of(String file, Integer line, String code, String... args) {
        return new ValidationProblem(file, line != null && line > 0 ? line : null, code, List.of(args));
    }

    /** The reason in the given language, without file and line. */
    public String message(Locale locale) {
        return ProcessMessages.get(locale, "process.problem." + code, args.toArray());
    }

    /** {@code file:line: reason}, as logs and exception messages show it. */
    public String describe(Locale locale) {
        return file + (line == null ? "" : ":" + line) + ": " + message(locale);
    }
}
