package org.duban.catalog.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a parsed plan, as printed by {@code catalog parse}: pretty-printed, Chinese as is (Jackson escapes
 * non-ASCII only when asked to), values as plain JSON numbers. Field names and order are spelled out here so the
 * output does not change when the records gain convenience methods such as {@link ParsedPlan#allTasks()}.
 */
public final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CatalogJson() {
    }

    public static String toJson(ParsedPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan(plan));
        } catch (JsonProcessingException e) {
            // maps, lists, strings and numbers only: cannot fail
            throw new IllegalStateException("cannot write catalog JSON", e);
        }
    }

    private static Map<String, Object> plan(ParsedPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", plan.title());
        json.put("documentNumber", plan.documentNumber());
        json.put("year", plan.year());
        json.put("sections", plan.sections().stream().map(CatalogJson::section).toList());
        json.put("warnings", plan.warnings());
        return json;
    }

    private static Map<String, Object> section(ParsedSection section) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", section.number());
        json.put("label", section.label());
        json.put("title", section.title());
        json.put("tasks", section.tasks().stream().map(CatalogJson::task).toList());
        return json;
    }

    private static Map<String, Object> task(ParsedTask task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", task.number());
        json.put("title", task.title());
        json.put("text", task.text());
        json.put("leadUnits", task.leadUnits());
        json.put("participatingUnits", task.participatingUnits());
        json.put("unresolved", task.unresolved());
        json.put("indicators", task.indicators().stream().map(CatalogJson::indicator).toList());
        return json;
    }

    private static Map<String, Object> indicator(ParsedIndicator indicator) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", indicator.text());
        json.put("value", indicator.value());
        json.put("unit", indicator.unit());
        json.put("comparator", indicator.comparator().name());
        return json;
    }
}
