package org.duban.workflow.forms;

/** A form definition Duban cannot use (not JSON, no components, …). */
public class FormDefinitionException extends RuntimeException {

    public FormDefinitionException(String message) {
        super(message);
    }
}
