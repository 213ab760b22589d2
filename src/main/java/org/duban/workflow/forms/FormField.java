package org.duban.workflow.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form as Duban understands it. {@code children} holds the fields of each row of a repeating
 * group (dynamiclist), whose values arrive as a list of maps under {@code key}.
 */
public record FormField(String key, String type, String label, boolean required, BigDecimal min, BigDecimal max,
        Integer minLength, Integer maxLength, String pattern, boolean readonly, List<Option> options,
        List<FormField> children, String accept, boolean multiple) {

    public record Option(String value, String label) {
    }

    public boolean isRepeatingGroup() {
        return FormSchema.DYNAMIC_LIST.equals(type);
    }
}
