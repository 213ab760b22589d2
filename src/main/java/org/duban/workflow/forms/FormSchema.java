package org.duban.workflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Camunda Form (form-js JSON from {@code bpmn/forms/}) reduced to what Duban renders and validates. Components the
 * renderer does not support are listed in {@link #unsupported()}, never silently dropped.
 */
public record FormSchema(String id, List<FormField> fields, List<Display> displays, List<String> unsupported) {

    static final String DYNAMIC_LIST = "dynamiclist";

    /** Input components Duban renders and validates. */
    public static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
            "checkbox", "checklist", "datetime", "filepicker", DYNAMIC_LIST);
    /** Components that only show something. */
    public static final Set<String> DISPLAY_TYPES = Set.of("text", "separator", "spacer");
    /** Components that only group others; their children are taken in place. */
    private static final Set<String> CONTAINER_TYPES = Set.of("group");

    /** Static content to show (markdown text). */
    public record Display(String type, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FormSchema parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new FormDefinitionException("表单不是有效的 JSON / the form is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            throw new FormDefinitionException("表单缺少 components / the form has no components array");
        }
        List<FormField> fields = new ArrayList<>();
        List<Display> displays = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        collect(root.path("components"), fields, displays, unsupported, "");
        return new FormSchema(root.path("id").asText(null), List.copyOf(fields), List.copyOf(displays),
                List.copyOf(unsupported));
    }

    private static void collect(JsonNode components, List<FormField> fields, List<Display> displays,
            List<String> unsupported, String where) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String name = component.hasNonNull("key") ? component.get("key").asText()
                    : component.path("id").asText(type);
            if (CONTAINER_TYPES.contains(type)) {
                collect(component.path("components"), fields, displays, unsupported, where);
            } else if (DISPLAY_TYPES.contains(type)) {
                displays.add(new Display(type, component.path("text").asText("")));
            } else if (INPUT_TYPES.contains(type)) {
                fields.add(field(component, type, unsupported, where));
            } else {
                unsupported.add(where + name + " (" + type + ")");
            }
        }
    }

    private static FormField field(JsonNode c, String type, List<String> unsupported, String where) {
        JsonNode validate = c.path("validate");
        String key = DYNAMIC_LIST.equals(type) ? c.path("path").asText(c.path("key").asText(null))
                : c.path("key").asText(null);
        if (key == null || key.isBlank()) {
            unsupported.add(where + c.path("id").asText(type) + " (" + type + " without key)");
        }
        List<FormField.Option> options = new ArrayList<>();
        for (JsonNode value : c.path("values")) {
            options.add(new FormField.Option(value.path("value").asText(), value.path("label").asText()));
        }
        List<FormField> children = new ArrayList<>();
        if (DYNAMIC_LIST.equals(type)) {
            List<Display> ignored = new ArrayList<>();
            collect(c.path("components"), children, ignored, unsupported, key + ".");
        }
        return new FormField(key, type, c.path("label").asText(key), validate.path("required").asBoolean(false),
                decimal(validate.get("min")), decimal(validate.get("max")), integer(validate.get("minLength")),
                integer(validate.get("maxLength")), validate.hasNonNull("pattern") ? validate.get("pattern").asText()
                        : null, c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                List.copyOf(options), List.copyOf(children), c.path("accept").asText(null),
                c.path("multiple").asBoolean(false), c.path("valuesKey").asText(null),
                c.path("searchable").asBoolean(false));
    }

    /** The {@code valuesKey} Duban supplies: a choice among the registry's units, by name. */
    public static final String UNIT_OPTIONS = "unitOptions";

    /** This form with the options of fields that name theirs by {@code valuesKey} (unknown keys keep none). */
    public FormSchema withOptions(java.util.Map<String, List<FormField.Option>> byValuesKey) {
        List<FormField> supplied = fields.stream().map(f -> f.valuesKey() != null && byValuesKey.containsKey(
                f.valuesKey()) ? f.withOptions(byValuesKey.get(f.valuesKey())) : f).toList();
        return new FormSchema(id, supplied, displays, unsupported);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : new BigDecimal(node.asText());
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asInt();
    }

    public java.util.Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }
}
