package org.duban.workflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.duban.reporting.ReportForm;

/**
 * Property-based tests of server-side form validation (jqwik). Any values — text with control characters, emoji,
 * HTML and script, numbers as numbers or text (huge, tiny, NaN, full-width digits), wrong types, lists holding nulls,
 * rows that are not rows — against the real fill-in form and a form using every field type, give either acceptance
 * or field errors a user can read (a key, a label, "中文 / English"), never another exception; what is accepted keeps
 * the form's rules, and the fill-in form's accepted values convert into a report.
 */
class FormValidatorProperties {

    private static final FormSchema FILL_REPORT = FormSchema.parse(resource("/bpmn/forms/fill-report.form"));
    private static final FormSchema EVERY_TYPE = FormSchema.parse("""
            {"id": "everyType", "components": [
              {"type": "textfield", "key": "code", "label": "编号",
               "validate": {"required": true, "minLength": 2, "maxLength": 12, "pattern": "[A-Z]{2}-[0-9]+"}},
              {"type": "textarea", "key": "text", "label": "说明", "validate": {"maxLength": 50}},
              {"type": "number", "key": "amount", "label": "金额", "validate": {"min": -10.5, "max": 1e6}},
              {"type": "select", "key": "level", "label": "级别",
               "values": [{"value": "A", "label": "甲"}, {"value": "B", "label": "乙"}]},
              {"type": "radio", "key": "choice", "label": "选择", "values": [{"value": "yes", "label": "是"}]},
              {"type": "checklist", "key": "tags", "label": "标签",
               "values": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]},
              {"type": "checkbox", "key": "flag", "label": "标记"},
              {"type": "datetime", "key": "due", "label": "日期", "validate": {"required": true}},
              {"type": "textfield", "key": "shown", "label": "只读", "readonly": true},
              {"type": "dynamiclist", "path": "rows", "label": "明细", "components": [
                {"type": "number", "key": "qty", "label": "数量", "validate": {"min": 0, "max": 100}},
                {"type": "textfield", "key": "remark", "label": "备注", "validate": {"maxLength": 5}}]}
            ]}""");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern ROW_KEY = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

    @Property(tries = 400)
    void anyValuesGiveAcceptanceOrReadableFieldErrors(@ForAll("fillReportValues") Map<String, Object> fill,
            @ForAll("everyTypeValues") Map<String, Object> every) {
        for (FormSchema schema : List.of(FILL_REPORT, EVERY_TYPE)) {
            Map<String, Object> values = schema == FILL_REPORT ? fill : every;
            for (boolean draft : new boolean[] {false, true}) {
                List<FieldError> errors = FormValidator.validate(schema, values, draft);
                for (FieldError error : errors) {
                    assertThat(knownKey(schema, error.key())).as("error on a field of the form: %s", error).isTrue();
                    assertThat(error.label()).isNotBlank();
                    assertThat(error.message()).as("bilingual: %s", error).contains(" / ");
                }
                if (errors.isEmpty()) {
                    assertKeepsTheRules(schema.fields(), values, draft);
                }
            }
            // a draft relaxes "required" only: every draft error is also an error on submit
            assertThat(FormValidator.validate(schema, values, false))
                    .containsAll(FormValidator.validate(schema, values, true));
        }
    }

    @Property(tries = 300)
    void acceptedFillInValuesBecomeAReport(@ForAll("fillReportValues") Map<String, Object> values) {
        if (FormValidator.validate(FILL_REPORT, values, true).isEmpty()) {
            var content = ReportForm.toContent(values, List.of(), FILL_REPORT);
            Object percent = values.get(ReportForm.PERCENT_DONE);
            if (percent != null && !percent.toString().isBlank()) {
                assertThat(content.percentDone()).isBetween(0, 100);
            }
            ReportForm.extraFieldsJson(content.extraFields());
        }
    }

    /** What validation let through really satisfies the form's rules. */
    private static void assertKeepsTheRules(List<FormField> fields, Map<?, ?> values, boolean draft) {
        for (FormField field : fields) {
            Object value = values.get(field.key());
            if (field.readonly() || "filepicker".equals(field.type())) {
                continue;
            }
            boolean empty = value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof java.util.Collection<?> c && c.isEmpty());
            if (empty) {
                assertThat(field.required() && !draft).as("required %s accepted empty", field.key()).isFalse();
                continue;
            }
            switch (field.type()) {
                case "textfield", "textarea" -> {
                    String text = value.toString();
                    assertThat(CONTROL.matcher(text).find()).as("control characters in %s", field.key()).isFalse();
                    if (field.maxLength() != null) {
                        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(field.maxLength());
                    }
                }
                case "number" -> {
                    BigDecimal number = new BigDecimal(value.toString().trim());
                    if (field.min() != null) {
                        assertThat(number).isGreaterThanOrEqualTo(field.min());
                    }
                    if (field.max() != null) {
                        assertThat(number).isLessThanOrEqualTo(field.max());
                    }
                }
                case "select", "radio" -> assertThat(field.options()).extracting(FormField.Option::value)
                        .contains(value.toString());
                case "checkbox" -> assertThat(value).isInstanceOf(Boolean.class);
                case FormSchema.DYNAMIC_LIST -> {
                    for (Object row : (List<?>) value) {
                        assertKeepsTheRules(field.children(), (Map<?, ?>) row, draft);
                    }
                }
                default -> {
                    // checklist and datetime: covered by the error checks
                }
            }
        }
    }

    private static boolean knownKey(FormSchema schema, String key) {
        var row = ROW_KEY.matcher(key);
        if (row.matches()) {
            return schema.field(row.group(1)).map(f -> f.children().stream()
                    .anyMatch(c -> c.key().equals(row.group(3)))).orElse(false);
        }
        return key.matches("\\w+\\[\\d+]") || schema.field(key).isPresent();
    }

    @Provide
    Arbitrary<Map<String, Object>> fillReportValues() {
        return values(FILL_REPORT);
    }

    @Provide
    Arbitrary<Map<String, Object>> everyTypeValues() {
        return values(EVERY_TYPE);
    }

    /** A value for each of the form's keys (sometimes missing), plus keys the form does not know. */
    private static Arbitrary<Map<String, Object>> values(FormSchema schema) {
        List<String> keys = new ArrayList<>();
        schema.fields().forEach(f -> keys.add(f.key()));
        keys.add("unknown");
        return anyValue(2).list().ofSize(keys.size()).map(list -> {
            Map<String, Object> map = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (list.get(i) != Missing.VALUE) {
                    map.put(keys.get(i), list.get(i));
                }
            }
            return map;
        });
    }

    private enum Missing {
        VALUE
    }

    private static Arbitrary<Object> anyValue(int depth) {
        Arbitrary<Object> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(5),
                Arbitraries.strings().withChars("AZ-0123456789 xyAB".toCharArray()).ofMaxLength(14),
                Arbitraries.of("", " ", "　", "😀", "👩‍💻".repeat(30), "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>", "'; drop table progress_report; --", "A".repeat(4001),
                        "中".repeat(4000), "😀".repeat(2001), "a\u0000b", "line\r\nbreak\ttab", "\u202Eevil",
                        "2023-06-01", "2023-02-30", "2023-06-01T10:00:00.000Z", "99999-01-01", "yes", "A", "x"))
                .map(s -> (Object) s);
        Arbitrary<Object> numbers = Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE).map(d -> (Object) d),
                Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.of("1e999999999", "1E+2147483648", "-1e-400", " 42 ", "１２", "0x10", "NaN", "1,5",
                        "100.0000001", "-0", "+7", "1_000").map(s -> (Object) s));
        Arbitrary<Object> other = Arbitraries.of(Boolean.TRUE, Boolean.FALSE, Missing.VALUE, new Object(), 'c')
                .injectNull(0.2);
        if (depth == 0) {
            return Arbitraries.oneOf(text, numbers, other);
        }
        Arbitrary<Object> list = anyValue(depth - 1).injectNull(0.1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> row = Arbitraries.maps(Arbitraries.of("qty", "remark", "actual", "note", "indicatorId",
                "other"), anyValue(depth - 1)).ofMaxSize(4).map(m -> (Object) m);
        return Arbitraries.oneOf(text, numbers, other, list, row, row.list().ofMaxSize(3).map(l -> (Object) l));
    }

    private static String resource(String path) {
        try (InputStream in = FormValidatorProperties.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
