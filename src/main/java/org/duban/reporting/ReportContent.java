package org.duban.reporting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a clerk writes in a progress report: the fixed fields Duban understands, each indicator's actual value, and any
 * further fields an admin added to the form in Modeler (kept as they came, shown again next time).
 */
public record ReportContent(String narrative, Integer percentDone, String problems, String nextSteps,
        boolean needsCoordination, Map<Long, Actual> actuals, Map<String, Object> extraFields) {

    public record Actual(BigDecimal value, String note) {
    }

    public ReportContent {
        actuals = actuals == null ? Map.of() : Map.copyOf(actuals);
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
    }

    public static ReportContent empty() {
        return new ReportContent(null, null, null, null, false, Map.of(), Map.of());
    }
}
