package org.duban.workflow.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks submitted values against a form's own rules (required, min/max, length, pattern, allowed options), on the
 * server, whatever the browser did. Read-only fields are ignored: they display, they are not submitted.
 */
public final class FormValidator {

    /** Text the UI must never store: C0 control characters other than tab and line breaks. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private static final java.util.Set<String> SINGLE_VALUED = java.util.Set.of("textfield", "textarea", "number",
            "select", "radio", "checkbox", "datetime");

    private FormValidator() {
    }

    public static List<FieldError> validate(FormSchema schema, Map<String, Object> values) {
        return validate(schema, values, false);
    }

    /**
     * @param draft a draft may leave required fields empty; every other rule (length, range, pattern, options) holds,
     *              so nothing invalid is ever stored
     */
    public static List<FieldError> validate(FormSchema schema, Map<String, Object> values, boolean draft) {
        List<FieldError> errors = new ArrayList<>();
        for (FormField field : schema.fields()) {
            check(field, values.get(field.key()), field.key(), field.label(), draft, errors);
        }
        return errors;
    }

    public static void requireValid(FormSchema schema, Map<String, Object> values, boolean draft) {
        List<FieldError> errors = validate(schema, values, draft);
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
    }

    private static void check(FormField field, Object value, String key, String label, boolean draft,
            List<FieldError> errors) {
        if (field.readonly() || "filepicker".equals(field.type())) {
            return;
        }
        if ((value instanceof Collection<?> || value instanceof Map<?, ?>) && SINGLE_VALUED.contains(field.type())) {
            // checked before emptiness: an empty list is not "no number", and a list is not text
            errors.add(new FieldError(key, label, "应为单个值 / must be a single value, not a list"));
            return;
        }
        if (isEmpty(value)) {
            if (field.required() && !draft) {
                errors.add(new FieldError(key, label, "必填 / required"));
            }
            return;
        }
        switch (field.type()) {
            case "textfield", "textarea" -> text(field, value, key, label, errors);
            case "number" -> number(field, value, key, label, errors);
            case "select", "radio" -> option(field, value, key, label, errors);
            case "checklist" -> {
                if (!(value instanceof Collection<?> chosen)) {
                    errors.add(new FieldError(key, label, "应为多选列表 / must be a list"));
                } else {
                    chosen.forEach(v -> option(field, v, key, label, errors));
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(new FieldError(key, label, "应为是/否 / must be true or false"));
                }
            }
            case "datetime" -> date(value, key, label, errors);
            case FormSchema.DYNAMIC_LIST -> rows(field, value, key, label, draft, errors);
            default -> errors.add(new FieldError(key, label, "不支持的字段类型 / unsupported type " + field.type()));
        }
    }

    private static void text(FormField field, Object value, String key, String label, List<FieldError> errors) {
        String text = value.toString();
        int length = text.codePointCount(0, text.length());
        if (CONTROL_CHARACTERS.matcher(text).find()) {
            errors.add(new FieldError(key, label, "含有不可见控制字符 / contains control characters"));
        }
        if (field.minLength() != null && length < field.minLength()) {
            errors.add(new FieldError(key, label, "至少 " + field.minLength() + " 个字 / at least "
                    + field.minLength() + " characters"));
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            errors.add(new FieldError(key, label, "最多 " + field.maxLength() + " 个字，现有 " + length + " 个 / at most "
                    + field.maxLength() + " characters, got " + length));
        }
        if (field.pattern() != null) {
            try {
                if (!Pattern.compile(field.pattern()).matcher(text).matches()) {
                    errors.add(new FieldError(key, label, "格式不正确 / does not match " + field.pattern()));
                }
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(key, label, "表单中的格式规则无效 / the form's pattern is invalid"));
            }
        }
    }

    private static void number(FormField field, Object value, String key, String label, List<FieldError> errors) {
        BigDecimal number;
        try {
            number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(key, label, "应为数字 / must be a number, got “" + value + "”"));
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(new FieldError(key, label, "不能小于 " + field.min().toPlainString() + " / must be at least "
                    + field.min().toPlainString()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(new FieldError(key, label, "不能大于 " + field.max().toPlainString() + " / must be at most "
                    + field.max().toPlainString()));
        }
    }

    private static void option(FormField field, Object value, String key, String label, List<FieldError> errors) {
        if (value == null) {
            // an empty entry in a multiple choice (checklist) is no choice at all
            errors.add(new FieldError(key, label, "含有空的选项 / contains an empty choice"));
            return;
        }
        if (!field.options().isEmpty() && field.options().stream().noneMatch(o -> o.value().equals(value.toString()))) {
            errors.add(new FieldError(key, label, "不是可选值 / not one of the allowed values: " + value));
        }
    }

    private static void date(Object value, String key, String label, List<FieldError> errors) {
        String text = value.toString();
        try {
            if (text.length() <= 10) {
                LocalDate.parse(text);
            } else {
                LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(key, label, "日期格式应为 yyyy-MM-dd / date must be yyyy-MM-dd: " + text));
        }
    }

    private static void rows(FormField field, Object value, String key, String label, boolean draft,
            List<FieldError> errors) {
        if (!(value instanceof List<?> rows)) {
            errors.add(new FieldError(key, label, "应为列表 / must be a list of rows"));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                errors.add(new FieldError(key + "[" + (i + 1) + "]", label, "行格式不正确 / row is not an object"));
                continue;
            }
            for (FormField child : field.children()) {
                check(child, row.get(child.key()), key + "[" + (i + 1) + "]." + child.key(),
                        label + " 第" + (i + 1) + "行 " + child.label(), draft, errors);
            }
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }
}
