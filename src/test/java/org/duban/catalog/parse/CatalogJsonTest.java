package org.duban.catalog.parse;

import org.duban.catalog.Comparator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    @Test
    void fieldsInOrderChineseUnescapedValuesAsNumbers() throws Exception {
        ParsedPlan plan = new ParsedPlan("标题", "某政办字〔2031〕7号", 2031, List.of(new ParsedSection(1, "一", "稳增长",
                List.of(new ParsedTask(1, "扩大投资", "扩大投资。完成24.18亿元。", List.of("市发展改革委"), List.of("曹县"),
                        List.of("有关县区政府"), List.of(new ParsedIndicator("完成24.18亿元", new BigDecimal("24.18"), "亿元",
                                Comparator.EXACT)))))), List.of("第3行，任务1：提示"));

        String json = CatalogJson.toJson(plan);

        assertThat(json).contains("\"title\" : \"标题\"").doesNotContain("\\u");
        assertThat(json).contains("\"value\" : 24.18");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(fieldNames(root)).containsExactly("title", "documentNumber", "year", "sections", "warnings");
        JsonNode task = root.at("/sections/0/tasks/0");
        assertThat(fieldNames(root.at("/sections/0"))).containsExactly("number", "label", "title", "tasks");
        assertThat(fieldNames(task)).containsExactly("number", "title", "text", "leadUnits", "participatingUnits",
                "unresolved", "indicators");
        assertThat(fieldNames(task.at("/indicators/0"))).containsExactly("text", "value", "unit", "comparator");
        assertThat(task.at("/indicators/0/value").isNumber()).isTrue();
        assertThat(task.at("/indicators/0/value").decimalValue()).isEqualByComparingTo("24.18");
        assertThat(task.at("/indicators/0/comparator").asText()).isEqualTo("EXACT");
        assertThat(root.get("year").isInt()).isTrue();
    }

    @Test
    void largeValuesArePlainNumbersNotScientific() {
        ParsedPlan plan = new ParsedPlan(null, null, null, List.of(new ParsedSection(0, "", "", List.of(
                new ParsedTask(1, "t", "t", List.of(), List.of(), List.of(), List.of(
                        new ParsedIndicator("x", new BigDecimal("1.5E+3"), "张", Comparator.EXACT)))))), List.of());
        assertThat(CatalogJson.toJson(plan)).contains("\"value\" : 1500").contains("\"title\" : null");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
