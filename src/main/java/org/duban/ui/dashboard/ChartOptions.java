package org.duban.ui.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duban.dashboard.DashboardService.Counts;
import org.duban.dashboard.DashboardService.IndicatorLine;

/**
 * ECharts options for the dashboard, built from the service's records and serialised to JSON: plain data, no
 * functions, so nothing has to be evaluated in the browser.
 */
final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Indicators drawn in the chart (the grid lists them all). */
    static final int MAX_INDICATORS_CHARTED = 40;

    private ChartOptions() {
    }

    /** Bars per group: on time and late stacked (together the due reports), returned and escalated beside them. */
    static String counts(List<Counts> rows, Function<String, String> t) {
        List<String> labels = rows.stream().map(Counts::label).toList();
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 48, "right", 24, "top", 40, "bottom", labels.size() > 6 ? 110 : 40));
        option.put("xAxis", Map.of("type", "category", "data", labels,
                "axisLabel", Map.of("interval", 0, "rotate", labels.size() > 6 ? 40 : 0)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                bar(t.apply("dashboard.col.onTime"), "due", rows.stream().map(Counts::onTime).toList(), "#2e7d32"),
                bar(t.apply("dashboard.col.late"), "due", rows.stream().map(Counts::late).toList(), "#c62828"),
                bar(t.apply("dashboard.col.returned"), null, rows.stream().map(Counts::returned).toList(),
                        "#f9a825"),
                bar(t.apply("dashboard.col.escalated"), null, rows.stream().map(Counts::escalated).toList(),
                        "#6a1b9a")));
        return write(option);
    }

    /** Lines over the cycles: due, on time, late, returned, escalated, and the on-time rate on its own axis. */
    static String trend(List<Counts> cycles, Function<String, String> t) {
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 48, "right", 56, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", cycles.stream().map(Counts::label).toList()));
        option.put("yAxis", List.of(Map.of("type", "value", "minInterval", 1),
                Map.of("type", "value", "min", 0, "max", 100, "axisLabel", Map.of("formatter", "{value}%"))));
        List<Object> series = new ArrayList<>();
        series.add(line(t.apply("dashboard.col.due"), cycles.stream().map(Counts::due).toList(), 0));
        series.add(line(t.apply("dashboard.col.onTime"), cycles.stream().map(Counts::onTime).toList(), 0));
        series.add(line(t.apply("dashboard.col.late"), cycles.stream().map(Counts::late).toList(), 0));
        series.add(line(t.apply("dashboard.col.returned"), cycles.stream().map(Counts::returned).toList(), 0));
        series.add(line(t.apply("dashboard.col.escalated"), cycles.stream().map(Counts::escalated).toList(), 0));
        series.add(line(t.apply("dashboard.col.rate"), cycles.stream().map(Counts::onTimeRate).toList(), 1));
        option.put("series", series);
        return write(option);
    }

    /** Horizontal bars: each reported indicator's actual as a percentage of its target, with the 100% line. */
    static String indicators(List<IndicatorLine> lines, Function<String, String> t) {
        List<IndicatorLine> reported = lines.stream().filter(l -> l.percent() != null)
                .limit(MAX_INDICATORS_CHARTED).toList();
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 72, "right", 40, "top", 40, "bottom", 30));
        option.put("yAxis", Map.of("type", "category", "inverse", true,
                "data", reported.stream().map(ChartOptions::indicatorLabel).toList()));
        option.put("xAxis", Map.of("type", "value", "axisLabel", Map.of("formatter", "{value}%")));
        List<Object> data = new ArrayList<>();
        for (IndicatorLine l : reported) {
            data.add(Map.of("value", l.percent(), "itemStyle", Map.of("color", l.met() ? "#2e7d32" : "#ef6c00")));
        }
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("name", t.apply("dashboard.col.percent"));
        bar.put("type", "bar");
        bar.put("data", data);
        bar.put("markLine", Map.of("symbol", "none", "data", List.of(Map.of("xAxis", 100))));
        option.put("series", List.of(bar));
        return write(option);
    }

    static String indicatorLabel(IndicatorLine line) {
        return line.taskNumber() + "-" + line.seq();
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        return option;
    }

    private static Map<String, Object> bar(String name, String stack, List<?> data, String color) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        if (stack != null) {
            series.put("stack", stack);
        }
        series.put("itemStyle", Map.of("color", color));
        series.put("data", data);
        return series;
    }

    private static Map<String, Object> line(String name, List<?> data, int axis) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "line");
        series.put("yAxisIndex", axis);
        series.put("connectNulls", true);
        series.put("data", data);
        return series;
    }

    private static String write(Object option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart option not serialisable", e);
        }
    }
}
