package org.duban.workflow.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form as Duban understands it. {@code children} holds the fields of each row of a repeating
 * group (dynamiclist), whose values arrive as a list of maps under {@code key}. A choice whose options are not in the
 * form names them by {@code valuesKey} (Camunda Forms' input data key); the screen's service supplies them.
 */
public record FormField(String key, String type, String label, boolean required, BigDecimal min, BigDecimal max,
        Integer minLength, Integer maxLength, String pattern, boolean readonly, List<Option> options,
        List<FormField> children, String accept, boolean multiple, String valuesKey, boolean searchable) {

    public record Option(String value, String label) {
    }

    /** This field with the options supplied for its {@code valuesKey}. */
    public FormField withOptions(List<Option> supplied) {
        return new FormField(key, type, label, required, min, max, minLength, maxLength, pattern, readonly,
                List.copyOf(supplied), children, accept, multiple, valuesKey, searchable);
    }

    public boolean isRepeatingGroup() {
        return FormSchema.DYNAMIC_LIST.equals(type);
    }
}
