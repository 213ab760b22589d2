package org.duban.workflow.forms;

/** A submitted value that breaks its form's rules: which field (key, label; row for repeating groups), and why. */
public record FieldError(String key, String label, String message) {

    @Override
    public String toString() {
        return label + "（" + key + "）：" + message;
    }
}
