package org.duban.workflow.forms;

import java.util.List;
import java.util.stream.Collectors;

/** Submitted values that break their form's rules; nothing was stored. */
public class FormValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public FormValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("；")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
