package org.duban.admin;

import java.util.List;
import java.util.stream.Collectors;

/** A year's calendar text had bad lines; every one is listed, and nothing was stored. */
public class CalendarImportException extends AdminValidationException {

    /** One bad line: its number (1-based), the rule it broke and the values for the message. */
    public record LineError(int line, String code, String message, List<String> args) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private final List<LineError> errors;

    public CalendarImportException(List<LineError> errors) {
        super("text", "importFailed", errors.size() + " bad line(s), nothing imported: "
                + errors.stream().map(LineError::toString).collect(Collectors.joining("; ")),
                String.valueOf(errors.size()));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> getErrors() {
        return errors;
    }
}
