package org.duban.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.catalog.Indicator;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormSchema;

/**
 * Translates between the fill-report form's values and a report: the fields Duban has columns for, one row per
 * indicator in the repeating group {@code indicators}, and every other field of the deployed form kept as JSON — so
 * a field an admin adds in Modeler is stored and shown again without code.
 */
public final class ReportForm {

    public static final String NARRATIVE = "narrative";
    public static final String PERCENT_DONE = "percentDone";
    public static final String PROBLEMS = "problems";
    public static final String NEXT_STEPS = "nextSteps";
    public static final String NEEDS_COORDINATION = "needsCoordination";
    public static final String INDICATORS = "indicators";
    public static final String ATTACHMENTS = "attachments";
    /** Keys inside each indicator row. */
    public static final String ROW_INDICATOR_ID = "indicatorId";
    public static final String ROW_TEXT = "indicatorText";
    public static final String ROW_TARGET = "target";
    public static final String ROW_UNIT = "measureUnit";
    public static final String ROW_ACTUAL = "actual";
    public static final String ROW_NOTE = "note";

    private static final Set<String> FIXED = Set.of(NARRATIVE, PERCENT_DONE, PROBLEMS, NEXT_STEPS, NEEDS_COORDINATION,
            INDICATORS, ATTACHMENTS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportForm() {
    }

    public static ReportContent toContent(Map<String, Object> values, List<Indicator> indicators, FormSchema schema) {
        Map<Long, ReportContent.Actual> actuals = new HashMap<>();
        if (values.get(INDICATORS) instanceof List<?> rows) {
            for (int i = 0; i < rows.size(); i++) {
                if (!(rows.get(i) instanceof Map<?, ?> row)) {
                    continue;
                }
                Long indicatorId = row.get(ROW_INDICATOR_ID) instanceof Number n ? n.longValue()
                        : i < indicators.size() ? indicators.get(i).getId() : null;
                if (indicatorId != null) {
                    actuals.put(indicatorId, new ReportContent.Actual(decimal(row.get(ROW_ACTUAL)),
                            text(row.get(ROW_NOTE))));
                }
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (FormField field : schema.fields()) {
            if (!FIXED.contains(field.key()) && !field.readonly() && values.containsKey(field.key())) {
                extra.put(field.key(), values.get(field.key()));
            }
        }
        Object percent = values.get(PERCENT_DONE);
        return new ReportContent(text(values.get(NARRATIVE)),
                percent == null || percent.toString().isBlank() ? null : decimal(percent).intValue(),
                text(values.get(PROBLEMS)), text(values.get(NEXT_STEPS)),
                Boolean.TRUE.equals(values.get(NEEDS_COORDINATION)), actuals, extra);
    }

    /** The form's values for a report: what the clerk wrote so far, with one row per indicator of the task. */
    public static Map<String, Object> toValues(ProgressReport report) {
        Map<String, Object> values = new LinkedHashMap<>(extraFields(report.getExtraFields()));
        putIfNotNull(values, NARRATIVE, report.getNarrative());
        putIfNotNull(values, PERCENT_DONE, report.getPercentDone());
        putIfNotNull(values, PROBLEMS, report.getProblems());
        putIfNotNull(values, NEXT_STEPS, report.getNextSteps());
        values.put(NEEDS_COORDINATION, report.isNeedsCoordination());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Indicator indicator : report.getTask().getIndicators()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(ROW_INDICATOR_ID, indicator.getId());
            row.put(ROW_TEXT, indicator.getPhrase());
            row.put(ROW_TARGET, indicator.getTargetValue().stripTrailingZeros());
            row.put(ROW_UNIT, indicator.getMeasureUnit());
            report.actualFor(indicator.getId()).ifPresent(a -> {
                putIfNotNull(row, ROW_ACTUAL, a.getActualValue() == null ? null
                        : a.getActualValue().stripTrailingZeros());
                putIfNotNull(row, ROW_NOTE, a.getNote());
            });
            rows.add(row);
        }
        values.put(INDICATORS, rows);
        return values;
    }

    public static String extraFieldsJson(Map<String, Object> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Form values cannot be stored: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> extraFields(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored form values are not JSON", e);
        }
    }

    /** The report's content as JSON, kept with each submission. */
    static String snapshot(ProgressReport report) {
        try {
            return JSON.writeValueAsString(toValues(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim());
    }
}
