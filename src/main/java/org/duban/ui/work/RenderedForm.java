package org.duban.ui.work;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.duban.workflow.forms.FieldError;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormSchema;
import org.duban.workflow.forms.FormValidator;

/**
 * Duban's renderer for a Camunda Form ({@link FormSchema}): one Vaadin input per supported component, a repeating
 * group as one row per value row (one per indicator), earlier values and the reviewer's comments shown on the fields,
 * and any component it cannot render listed in an error block instead of being dropped. It reads the values back in
 * the shape the form's validator and {@code ReportForm} expect, and shows validation errors on their fields. It holds
 * no rules of its own: the server validates again.
 */
public class RenderedForm extends VerticalLayout {

    /** Translates this renderer's own strings ({@code work.form.*}). */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... params);
    }

    /** What to show besides the values; every part may be empty. */
    public record Options(boolean readOnly, String previousCycle, Map<String, Object> previousValues,
            Map<String, String> fieldComments, Function<FormField, Component> fileSlot) {

        public static Options editable() {
            return new Options(false, null, Map.of(), Map.of(), null);
        }
    }

    private final FormSchema schema;
    private final Map<String, Object> original;
    private final Texts texts;
    private final Options options;
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
    private final Div generalErrors = new Div();
    private boolean dirty;

    private record Binding(Component component, String label) {
    }

    public RenderedForm(FormSchema schema, Map<String, Object> values, Options options, Texts texts) {
        this.schema = schema;
        this.original = values == null ? Map.of() : values;
        this.options = options == null ? Options.editable() : options;
        this.texts = texts;
        setPadding(false);
        setId("report-form");
        generalErrors.setId("form-errors");
        generalErrors.setVisible(false);
        errorStyle(generalErrors);
        add(generalErrors);
        unsupportedBlock();
        schema.displays().forEach(d -> add(display(d)));
        for (FormField field : schema.fields()) {
            add(fieldBlock(field));
        }
    }

    /** The values as the inputs hold them now, with everything the form does not edit kept as it came. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>(original);
        readers.forEach((key, reader) -> values.put(key, reader.get()));
        return values;
    }

    /** Checks the current values with the form's own rules and shows the errors; the server checks again. */
    public List<FieldError> validate(boolean draft) {
        List<FieldError> errors = FormValidator.validate(schema, values(), draft);
        showErrors(errors);
        return errors;
    }

    /** Marks each error on its field (rows as {@code indicators[2].actual}); others are listed above the form. */
    public void showErrors(List<FieldError> errors) {
        bindings.values().forEach(b -> {
            if (b.component() instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
        generalErrors.removeAll();
        List<String> unplaced = new ArrayList<>();
        for (FieldError error : errors) {
            Binding binding = bindings.get(error.key());
            if (binding != null && binding.component() instanceof HasValidation v) {
                v.setErrorMessage(error.message());
                v.setInvalid(true);
            } else {
                unplaced.add(error.label() + "：" + error.message());
            }
        }
        unplaced.forEach(text -> generalErrors.add(new Paragraph(text)));
        generalErrors.setVisible(!unplaced.isEmpty());
    }

    public boolean isDirty() {
        return dirty;
    }

    public void markClean() {
        dirty = false;
    }

    /** The input rendered for a field key (rows: {@code indicators[1].actual}), for tests and focus. */
    public Component input(String key) {
        Binding binding = bindings.get(key);
        return binding == null ? null : binding.component();
    }

    /** Keys of every rendered input, in form order. */
    public List<String> inputKeys() {
        return List.copyOf(bindings.keySet());
    }

    private void unsupportedBlock() {
        List<String> problems = new ArrayList<>(schema.unsupported());
        schema.fields().stream().filter(f -> !FormSchema.INPUT_TYPES.contains(f.type()))
                .forEach(f -> problems.add(f.key() + " (" + f.type() + ")"));
        if (problems.isEmpty()) {
            return;
        }
        Div block = new Div();
        block.setId("form-unsupported");
        errorStyle(block);
        block.add(new Paragraph(texts.get("work.form.unsupported", problems.size())));
        problems.forEach(p -> block.add(new Paragraph("· " + p)));
        add(block);
    }

    private static Component display(FormSchema.Display display) {
        if ("separator".equals(display.type())) {
            return new Hr();
        }
        Div text = new Div();
        for (String line : display.text().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("###")) {
                text.add(new H4(trimmed.replaceFirst("^#+\\s*", "")));
            } else if (trimmed.startsWith("#")) {
                text.add(new H3(trimmed.replaceFirst("^#+\\s*", "")));
            } else if (!trimmed.isEmpty()) {
                text.add(new Paragraph(trimmed));
            }
        }
        return text;
    }

    private Component fieldBlock(FormField field) {
        if (field.isRepeatingGroup()) {
            return repeatingGroup(field);
        }
        if ("filepicker".equals(field.type())) {
            Div slot = new Div();
            slot.add(new H4(field.label()));
            if (options.fileSlot() != null) {
                slot.add(options.fileSlot().apply(field));
            }
            return slot;
        }
        Object value = original.get(field.key());
        Component input = input(field, value, field.key(), field.label());
        if (input == null) {
            return new Span();
        }
        Object previous = options.previousValues() == null ? null : options.previousValues().get(field.key());
        previousHint(input, previous);
        if (!field.readonly() && !options.readOnly()) {
            readers.put(field.key(), reader(field, input));
        }
        return withComment(input, field.key());
    }

    private Component repeatingGroup(FormField group) {
        VerticalLayout block = new VerticalLayout();
        block.setPadding(false);
        block.setSpacing(false);
        block.setId("group-" + group.key());
        block.add(new H4(group.label()));
        List<Map<String, Object>> rows = rows(original.get(group.key()));
        List<Map<String, Object>> previousRows = rows(options.previousValues() == null ? null
                : options.previousValues().get(group.key()));
        if (rows.isEmpty()) {
            block.add(new Span(texts.get("work.form.noRows")));
        }
        List<List<Supplier<Object>>> rowReaders = new ArrayList<>();
        List<List<String>> rowKeys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Map<String, Object> previousRow = i < previousRows.size() ? previousRows.get(i) : Map.of();
            HorizontalLayout line = new HorizontalLayout();
            line.setWidthFull();
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.getStyle().set("flex-wrap", "wrap");
            List<Supplier<Object>> readersOfRow = new ArrayList<>();
            List<String> keysOfRow = new ArrayList<>();
            for (FormField child : group.children()) {
                String key = group.key() + "[" + (i + 1) + "]." + child.key();
                Component input = input(child, row.get(child.key()), key, child.label());
                if (input == null) {
                    continue;
                }
                if (!child.readonly()) {
                    previousHint(input, previousRow.get(child.key()));
                }
                line.add(withComment(input, key));
                if (!child.readonly() && !options.readOnly()) {
                    readersOfRow.add(reader(child, input));
                    keysOfRow.add(child.key());
                }
            }
            rowReaders.add(readersOfRow);
            rowKeys.add(keysOfRow);
            block.add(line);
        }
        if (!options.readOnly()) {
            readers.put(group.key(), () -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>(rows.get(i));
                    for (int c = 0; c < rowKeys.get(i).size(); c++) {
                        row.put(rowKeys.get(i).get(c), rowReaders.get(i).get(c).get());
                    }
                    out.add(row);
                }
                return out;
            });
        }
        return withComment(block, group.key());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof Map<?, ?> map) {
                    rows.add((Map<String, Object>) map);
                }
            }
        }
        return rows;
    }

    private Component input(FormField field, Object value, String key, String label) {
        Component input = switch (field.type()) {
            case "textfield" -> {
                TextField text = new TextField(label);
                text.setValue(value == null ? "" : value.toString());
                if (field.maxLength() != null) {
                    text.setMaxLength(field.maxLength());
                }
                yield text;
            }
            case "textarea" -> {
                TextArea text = new TextArea(label);
                text.setValue(value == null ? "" : value.toString());
                text.setWidthFull();
                text.setMinHeight("6em");
                if (field.maxLength() != null) {
                    text.setMaxLength(field.maxLength());
                }
                yield text;
            }
            case "number" -> {
                BigDecimalField number = new BigDecimalField(label);
                number.setValue(decimal(value));
                yield number;
            }
            case "select" -> {
                if (field.searchable()) {
                    // a long list (e.g. every unit, supplied for the form's valuesKey): typing filters it
                    ComboBox<String> combo = new ComboBox<>(label);
                    combo.setItems(field.options().stream().map(FormField.Option::value).toList());
                    combo.setItemLabelGenerator(v -> v == null ? "" : optionLabel(field, v));
                    combo.setClearButtonVisible(!field.required());
                    if (value != null && hasOption(field, value)) {
                        combo.setValue(value.toString());
                    }
                    yield combo;
                }
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.options().stream().map(FormField.Option::value).toList());
                select.setItemLabelGenerator(v -> v == null ? "" : optionLabel(field, v));
                select.setEmptySelectionAllowed(!field.required());
                if (value != null && hasOption(field, value)) {
                    select.setValue(value.toString());
                }
                yield select;
            }
            case "radio" -> {
                RadioButtonGroup<String> radio = new RadioButtonGroup<>(label);
                radio.setItems(field.options().stream().map(FormField.Option::value).toList());
                radio.setItemLabelGenerator(v -> optionLabel(field, v));
                if (value != null && hasOption(field, value)) {
                    radio.setValue(value.toString());
                }
                yield radio;
            }
            case "checkbox" -> new Checkbox(label, Boolean.TRUE.equals(value)
                    || (value != null && "true".equalsIgnoreCase(value.toString())));
            case "checklist" -> {
                CheckboxGroup<String> list = new CheckboxGroup<>(label);
                list.setItems(field.options().stream().map(FormField.Option::value).toList());
                list.setItemLabelGenerator(v -> optionLabel(field, v));
                if (value instanceof Collection<?> chosen) {
                    list.setValue(new LinkedHashSet<>(chosen.stream().map(String::valueOf).toList()));
                }
                yield list;
            }
            case "datetime" -> {
                DatePicker date = new DatePicker(label);
                date.setValue(date(value));
                yield date;
            }
            default -> null;
        };
        if (input == null) {
            return null;
        }
        input.setId("field-" + key.replaceAll("[^A-Za-z0-9_-]", "-"));
        if (input instanceof HasValue<?, ?> hasValue) {
            hasValue.setReadOnly(field.readonly() || options.readOnly());
            hasValue.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    dirty = true;
                }
            });
        }
        if (field.required() && !field.readonly() && !options.readOnly()
                && input instanceof com.vaadin.flow.component.HasValue<?, ?> required) {
            required.setRequiredIndicatorVisible(true);
        }
        bindings.put(key, new Binding(input, label));
        return input;
    }

    private static boolean hasOption(FormField field, Object value) {
        return field.options().stream().anyMatch(o -> o.value().equals(value.toString()));
    }

    private static String optionLabel(FormField field, String value) {
        return field.options().stream().filter(o -> o.value().equals(value)).map(FormField.Option::label)
                .findFirst().orElse(value);
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> reader(FormField field, Component input) {
        return switch (field.type()) {
            case "textfield", "textarea" -> () -> {
                String text = ((AbstractField<?, String>) input).getValue();
                return text == null || text.isBlank() ? null : text;
            };
            case "number" -> () -> ((BigDecimalField) input).getValue();
            case "checkbox" -> () -> ((Checkbox) input).getValue();
            case "checklist" -> () -> List.copyOf(castGroup(input).getValue());
            case "datetime" -> () -> {
                LocalDate date = ((DatePicker) input).getValue();
                return date == null ? null : date.toString();
            };
            default -> () -> ((HasValue<?, ?>) input).getValue();
        };
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<String> castGroup(Component input) {
        return (CheckboxGroup<String>) input;
    }

    private void previousHint(Component input, Object previous) {
        if (options.previousCycle() == null || previous == null || previous.toString().isBlank()
                || previous instanceof Collection<?>) {
            return;
        }
        String shown = previous instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : Boolean.TRUE.equals(previous) ? texts.get("work.form.yes")
                : Boolean.FALSE.equals(previous) ? texts.get("work.form.no") : previous.toString();
        if (shown.length() > 120) {
            shown = shown.substring(0, 120) + "…";
        }
        String hint = texts.get("work.form.previous", options.previousCycle(), shown);
        if (input instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(hint);
        }
    }

    private Component withComment(Component input, String key) {
        String comment = options.fieldComments() == null ? null : options.fieldComments().get(key);
        if (comment == null || comment.isBlank()) {
            return input;
        }
        Div wrapper = new Div(input);
        if (input instanceof TextArea || input instanceof VerticalLayout) {
            wrapper.setWidthFull();
        }
        Span note = new Span(texts.get("work.form.reviewerComment", comment));
        note.addClassName("reviewer-comment");
        note.setId("comment-" + key.replaceAll("[^A-Za-z0-9_-]", "-"));
        note.getStyle().set("display", "block").set("color", "var(--lumo-error-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        wrapper.add(note);
        return wrapper;
    }

    private static void errorStyle(Div block) {
        block.getStyle().set("border", "1px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof BigDecimal d ? d : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    FormSchema schema() {
        return schema;
    }
}
