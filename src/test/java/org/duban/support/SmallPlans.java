package org.duban.support;

import java.nio.charset.StandardCharsets;
import org.duban.catalog.CatalogImportService;
import org.duban.catalog.parse.CatalogParseException;

/**
 * A small plan of a test's own, in the Heze wording (测试政办字〔year〕number号), so a test can open its cycles and
 * change its tasks without touching the seed plan other tests share. Task 1: 市水务局 leads, 市财政局 and 曹县 take part;
 * task 2 (when asked for): 菏泽黄河河务局 leads with 市水务局, 市生态环境局 takes part.
 */
public final class SmallPlans {

    private SmallPlans() {
    }

    public static String text(int year, int number, boolean withRiverTask) {
        return "测试市人民政府办公室\n\n测试政办字〔" + year + "〕" + number + "号\n\n测试市" + year + "年重点工作任务\n\n"
                + "一、水利建设\n\n"
                + "1. 推进引黄灌区建设。新增灌溉面积1500亩以上。（牵头单位：市水务局；参与单位：市财政局、曹县）\n"
                + (withRiverTask ? "\n2. 加强河道治理。治理河道20公里。（牵头单位：菏泽黄河河务局、市水务局；参与单位：市生态环境局）\n"
                        : "");
    }

    /** Imports the plan as {@code admin}; its id. */
    public static Long importPlan(CatalogImportService imports, int year, int number, boolean withRiverTask)
            throws CatalogParseException {
        return imports.importPlan(text(year, number, withRiverTask).getBytes(StandardCharsets.UTF_8),
                "plan-" + year + ".txt", "admin").planId();
    }
}
