package org.duban.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.duban.workflow.forms.FieldError;
import org.duban.workflow.forms.FormSchema;
import org.junit.jupiter.api.Test;

/** The form renderer on the real fill-report form and on a form using every component type, without a server. */
class RenderedFormTest {

    private static final RenderedForm.Texts TEXTS = (key, params) -> key + Arrays.toString(params);

    @Test
    void fillReportFormRendersEveryFieldAndOneRowPerIndicator() throws IOException {
        RenderedForm form = new RenderedForm(fillReport(), reportValues(), RenderedForm.Options.editable(), TEXTS);

        assertThat(form.inputKeys()).contains("narrative", "percentDone", "problems", "needsCoordination",
                "nextSteps", "indicators[1].indicatorText", "indicators[1].actual", "indicators[2].actual",
                "indicators[2].note").doesNotContain("indicators[3].actual");
        assertThat(form.input("narrative")).isInstanceOf(TextArea.class);
        assertThat(form.input("percentDone")).isInstanceOf(BigDecimalField.class);
        assertThat(form.input("needsCoordination")).isInstanceOf(Checkbox.class);
        TextField indicator = (TextField) form.input("indicators[1].indicatorText");
        assertThat(indicator.getValue()).isEqualTo("新增护理型养老床位");
        assertThat(indicator.isReadOnly()).isTrue();
        assertThat(((BigDecimalField) form.input("indicators[1].actual")).isReadOnly()).isFalse();
        assertThat(find(form, "form-unsupported")).isEmpty();
    }

    @Test
    void valuesComeBackInTheShapeTheServerExpects() throws IOException {
        RenderedForm form = new RenderedForm(fillReport(), reportValues(), RenderedForm.Options.editable(), TEXTS);
        ((TextArea) form.input("narrative")).setValue("完成床位建设800张");
        ((BigDecimalField) form.input("percentDone")).setValue(new BigDecimal("55"));
        ((BigDecimalField) form.input("indicators[1].actual")).setValue(new BigDecimal("800"));
        ((TextField) form.input("indicators[2].note")).setValue("已开工");
        ((Checkbox) form.input("needsCoordination")).setValue(true);
        ((TextArea) form.input("problems")).setValue("  ");

        Map<String, Object> values = form.values();

        assertThat(values).containsEntry("narrative", "完成床位建设800张")
                .containsEntry("percentDone", new BigDecimal("55")).containsEntry("needsCoordination", true);
        assertThat(values.get("problems")).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) values.get("indicators");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("indicatorId", 11L).containsEntry("actual", new BigDecimal("800"))
                .containsEntry("indicatorText", "新增护理型养老床位");
        assertThat(rows.get(1)).containsEntry("indicatorId", 12L).containsEntry("note", "已开工");
        assertThat(form.validate(false)).isEmpty();
    }

    @Test
    void validationFromTheFormDefinitionIsShownOnTheFields() throws IOException {
        RenderedForm form = new RenderedForm(fillReport(), reportValues(), RenderedForm.Options.editable(), TEXTS);
        ((BigDecimalField) form.input("percentDone")).setValue(new BigDecimal("150"));
        ((BigDecimalField) form.input("indicators[2].actual")).setValue(new BigDecimal("-1"));

        List<FieldError> errors = form.validate(false);

        assertThat(errors).extracting(FieldError::key)
                .containsExactlyInAnyOrder("narrative", "percentDone", "indicators[2].actual");
        TextArea narrative = (TextArea) form.input("narrative");
        assertThat(narrative.isInvalid()).isTrue();
        assertThat(narrative.getErrorMessage()).contains("必填");
        assertThat(((BigDecimalField) form.input("percentDone")).getErrorMessage()).contains("100");
        assertThat(((BigDecimalField) form.input("indicators[2].actual")).isInvalid()).isTrue();
        assertThat(((BigDecimalField) form.input("indicators[1].actual")).isInvalid()).isFalse();
        // a draft may leave required fields empty, but not break a range
        assertThat(form.validate(true)).extracting(FieldError::key)
                .containsExactlyInAnyOrder("percentDone", "indicators[2].actual");
        assertThat(narrative.isInvalid()).isFalse();

        form.showErrors(List.of(new FieldError("somethingElse", "别的", "服务器发现的问题")));
        assertThat(find(form, "form-errors")).hasValueSatisfying(block -> {
            assertThat(block.isVisible()).isTrue();
            assertThat(texts(block)).anyMatch(t -> t.contains("服务器发现的问题"));
        });
    }

    @Test
    void everySupportedTypeRendersAndUnsupportedOnesAreReported() {
        FormSchema schema = FormSchema.parse("""
                {"components": [
                  {"type": "textfield", "key": "code", "label": "编号",
                   "validate": {"pattern": "[A-Z]{2}\\\\d+", "minLength": 3}},
                  {"type": "select", "key": "level", "label": "等级",
                   "values": [{"value": "A", "label": "甲"}, {"value": "B", "label": "乙"}]},
                  {"type": "radio", "key": "ok", "label": "结论",
                   "values": [{"value": "Y", "label": "是"}, {"value": "N", "label": "否"}]},
                  {"type": "checklist", "key": "areas", "label": "领域",
                   "values": [{"value": "x", "label": "甲"}, {"value": "y", "label": "乙"}]},
                  {"type": "datetime", "key": "when", "label": "日期", "subtype": "date"},
                  {"type": "iframe", "id": "Frame_1", "url": "https://example.org"},
                  {"type": "button", "key": "go", "label": "提交"}
                ]}""");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", "AB12");
        values.put("level", "B");
        values.put("areas", List.of("y"));
        values.put("when", "2023-06-01");
        RenderedForm form = new RenderedForm(schema, values, RenderedForm.Options.editable(), TEXTS);

        assertThat(form.input("code")).isInstanceOf(TextField.class);
        assertThat(form.input("level")).isInstanceOf(Select.class);
        assertThat(form.input("ok")).isInstanceOf(RadioButtonGroup.class);
        assertThat(form.input("areas")).isInstanceOf(CheckboxGroup.class);
        assertThat(((DatePicker) form.input("when")).getValue()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(find(form, "form-unsupported")).hasValueSatisfying(block -> assertThat(texts(block))
                .anyMatch(t -> t.contains("Frame_1 (iframe)")).anyMatch(t -> t.contains("go (button)")));

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> ok = (RadioButtonGroup<String>) form.input("ok");
        ok.setValue("N");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> areas = (CheckboxGroup<String>) form.input("areas");
        areas.setValue(Set.of("x", "y"));
        ((DatePicker) form.input("when")).setValue(LocalDate.of(2023, 7, 2));
        Map<String, Object> read = form.values();
        @SuppressWarnings("unchecked")
        List<Object> chosen = (List<Object>) read.get("areas");
        assertThat(chosen).containsExactlyInAnyOrder("x", "y");
        assertThat(read).containsEntry("level", "B").containsEntry("ok", "N").containsEntry("when", "2023-07-02");
        assertThat(form.validate(false)).isEmpty();

        ((TextField) form.input("code")).setValue("ab");
        assertThat(form.validate(false)).extracting(FieldError::key).containsOnly("code").hasSize(2);
    }

    @Test
    void earlierValuesAndReviewerCommentsAppearOnTheFieldsAndReadOnlyKeepsValues() throws IOException {
        Map<String, Object> previous = reportValues();
        previous.put("narrative", "一季度完成调研");
        RenderedForm form = new RenderedForm(fillReport(), reportValues(), new RenderedForm.Options(true, "2023Q1",
                previous, Map.of("narrative", "请写明床位数", "indicators[1].actual", "与台账不符"), null), TEXTS);

        TextArea narrative = (TextArea) form.input("narrative");
        assertThat(narrative.getHelperText()).isEqualTo("work.form.previous[2023Q1, 一季度完成调研]");
        assertThat(narrative.isReadOnly()).isTrue();
        assertThat(find(form, "comment-narrative")).hasValueSatisfying(c -> assertThat(((Span) c).getText())
                .isEqualTo("work.form.reviewerComment[请写明床位数]"));
        assertThat(find(form, "comment-indicators-1--actual")).isPresent();
        assertThat(form.values()).isEqualTo(reportValues());
    }

    private static FormSchema fillReport() throws IOException {
        try (InputStream in = RenderedFormTest.class.getResourceAsStream("/bpmn/forms/fill-report.form")) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> reportValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("needsCoordination", false);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(11L, "新增护理型养老床位", "1500", "张"));
        rows.add(row(12L, "新建社区食堂", "30", "处"));
        values.put("indicators", rows);
        return values;
    }

    private static Map<String, Object> row(Long id, String text, String target, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("indicatorId", id);
        row.put("indicatorText", text);
        row.put("target", new BigDecimal(target));
        row.put("measureUnit", unit);
        return row;
    }

    private static Optional<Component> find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(RenderedFormTest::descendants));
    }

    private static List<String> texts(Component root) {
        return descendants(root).map(c -> c.getElement().getText()).filter(t -> !t.isBlank()).toList();
    }
}
