package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.audit.AuditService;
import org.duban.catalog.PlanChange.Kind;
import org.duban.catalog.parse.ParsedTask;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.workflow.ProcessKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin's plan import: a preview stores nothing, settling 有关县区政府 assigns exactly the chosen counties, confirm
 * creates the catalog with its calendar, a re-import lists the exact differences and applies only the accepted ones.
 * Each test uses its own plan year (2041–2044), which no other test imports.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithUserDetails("admin")
class PlanImportPreviewServiceTest {

    private static final List<String> TABLES = List.of("plan", "plan_section", "key_task", "task_assignment",
            "indicator", "task_open_token", "plan_import", "audit_event", "org_unit", "reporting_cycle");

    @Autowired
    PlanImportPreviewService service;
    @Autowired
    PlanRepository plans;
    @Autowired
    KeyTaskRepository tasks;
    @Autowired
    ReportingCycleRepository cycles;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    /** A small plan in the Heze wording; {@code year} keeps tests apart. */
    static String plan(int year, String task1Target, boolean modified) {
        StringBuilder text = new StringBuilder();
        text.append("测试市人民政府办公室\n\n测试政办字〔").append(year).append("〕7号\n\n测试市").append(year)
                .append("年重点工作任务\n\n一、水利建设\n\n");
        text.append("1. 推进引黄灌区建设。新增灌溉面积").append(task1Target)
                .append("亩以上。（牵头单位：市水务局；参与单位：市财政局、有关县区政府）\n\n");
        text.append("2. 加强河道治理。治理河道20公里。（牵头单位：菏泽黄河河务局、市水务局；参与单位：")
                .append(modified ? "市财政局" : "市生态环境局").append("）\n\n");
        text.append("二、民生保障\n\n");
        if (!modified) {
            text.append("3. 扩大就业。城镇新增就业8000人左右。（牵头单位：市人力资源社会保障局；参与单位：市教育局）\n\n");
        } else {
            text.append("4. 办好民生实事。新建口袋公园12处。（牵头单位：市住房城乡建设局；参与单位：区测试").append(year).append("局）\n");
        }
        return text.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        return counts;
    }

    @Test
    void previewSettleCorrectAndCalendarWriteNothing() {
        Map<String, Long> before = rowCounts();

        PlanDraft draft = service.preview("plan-2042.txt", utf8(plan(2042, "1500", true)));
        service.settle(draft, 1, "有关县区政府", List.of("CAOXIAN"));
        service.correctIndicator(draft, 1, 1, new BigDecimal("1600"), "亩", Comparator.AT_LEAST);
        service.setCalendar(draft, new ReportingSettings(ReportFrequency.MONTHLY, 20, 2));

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(plans.findByDocumentNumberAndYear("测试政办字〔2042〕7号", 2042)).isEmpty();
        assertThat(draft.isReimport()).isFalse();
        assertThat(draft.getPlan().sections()).extracting(s -> s.title()).containsExactly("水利建设", "民生保障");
        assertThat(draft.getPlan().allTasks()).extracting(ParsedTask::number).containsExactly(1, 2, 4);
        // the unknown unit is kept by name and reported with its line, but not registered before confirm
        assertThat(draft.getPlan().warnings()).contains("第15行，任务4：任务编号从2跳到4，缺少3 (task numbering gap)")
                .anyMatch(w -> w.contains("区测试2042局") && w.contains("第15行"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE name = '区测试2042局'", Long.class))
                .isZero();
        assertThat(draft.getNotes()).containsExactly("任务1 有关县区政府 → 曹县",
                "任务1 指标1: 新增灌溉面积1500亩以上 [AT_LEAST 1500亩] → 新增灌溉面积1500亩以上 [AT_LEAST 1600亩]");
    }

    @Test
    void settlingTheRelevantCountiesAssignsExactlyThoseAndConfirmCreatesTheCatalogWithItsCalendar() {
        PlanDraft draft = service.preview("plan-2043.txt", utf8(plan(2043, "1500", false)));
        assertThat(draft.tasksWithOpenTokens()).extracting(ParsedTask::number).containsExactly(1);
        assertThat(service.settleableUnits("有关县区政府")).extracting(u -> u.code())
                .contains("CAOXIAN", "SHANXIAN", "HZKFQ").doesNotContain("SWJ", "CZJ");

        service.settle(draft, 1, "有关县区政府", List.of("SHANXIAN", "CAOXIAN"));
        service.correctIndicator(draft, 3, 1, new BigDecimal("9000"), "人", Comparator.AT_LEAST);
        service.setCalendar(draft, new ReportingSettings(ReportFrequency.MONTHLY, 20, 3));
        ImportReport report = service.confirm(draft);

        assertThat(report.outcome()).isEqualTo(PlanImport.Outcome.CREATED);
        assertThat(report.taskCount()).isEqualTo(3);
        tx.executeWithoutResult(s -> {
            Plan plan = plans.findById(report.planId()).orElseThrow();
            assertThat(plan.getReportFrequency()).isEqualTo(ReportFrequency.MONTHLY);
            assertThat(plan.getReportDueDay()).isEqualTo(20);
            assertThat(plan.getFirstPeriod()).isEqualTo(3);
            KeyTask t1 = tasks.findByPlanAndNumber(plan, 1).orElseThrow();
            assertThat(t1.getAssignments()).extracting(a -> a.getUnit().getName(), TaskAssignment::getRole)
                    .containsExactly(tuple("市水务局", AssignmentRole.PRIMARY_LEAD),
                            tuple("市财政局", AssignmentRole.PARTICIPANT), tuple("单县", AssignmentRole.PARTICIPANT),
                            tuple("曹县", AssignmentRole.PARTICIPANT));
            assertThat(t1.getOpenTokens()).isEmpty();
            KeyTask t3 = tasks.findByPlanAndNumber(plan, 3).orElseThrow();
            assertThat(t3.getIndicators()).extracting(i -> i.getTargetValue().stripTrailingZeros().toPlainString(),
                    Indicator::getMeasureUnit, Indicator::getComparator)
                    .containsExactly(tuple("9000", "人", Comparator.AT_LEAST));
        });
        assertThat(cycles.findByPlanIdOrderByPeriodStart(report.planId())).extracting(ReportingCycle::getPeriodCode)
                .containsExactly("2043M03", "2043M04", "2043M05", "2043M06", "2043M07", "2043M08", "2043M09",
                        "2043M10", "2043M11", "2043M12");
        assertThat(audit.trailOf("Plan", String.valueOf(report.planId())))
                .anyMatch(e -> e.getAction().equals("PLAN_IMPORTED") && e.getActor().equals("admin")
                        && e.getAfterState().contains("任务1 有关县区政府 → 单县、曹县"));

        // the same file again is a re-import now; confirming it a second time is refused
        assertThatThrownBy(() -> service.confirm(draft)).isInstanceOf(PlanImportException.class)
                .hasFieldOrPropertyWithValue("code", "alreadyImported");
        assertThat(service.preview("plan-2043.txt", utf8(plan(2043, "1500", false))).isReimport()).isTrue();
    }

    @Test
    void reimportListsTheExactChangesAndAppliesOnlyTheAcceptedOnes() {
        PlanDraft first = service.preview("plan-2041.txt", utf8(plan(2041, "1500", false)));
        service.settle(first, 1, "有关县区政府", List.of("CAOXIAN"));
        Long planId = service.confirm(first).planId();
        Long task3Id = tx.execute(s -> tasks.findByPlanAndNumber(plans.findById(planId).orElseThrow(), 3)
                .orElseThrow().getId());
        assertThat(supervisionProcesses("2041-T3", task3Id)).isEqualTo(1);
        Map<String, Long> beforeReimport = rowCounts();

        PlanDraft second = service.preview("plan-2041-v2.txt", utf8(plan(2041, "2000", true)));
        assertThat(second.isReimport()).isTrue();
        // before settling, the token is back and 曹县 is not in the new text
        assertThat(second.getChanges()).extracting(PlanChange::id)
                .contains("T1:OPEN_TOKEN_ADDED:有关县区政府", "T1:UNIT_REMOVED:曹县");
        service.settle(second, 1, "有关县区政府", List.of("CAOXIAN"));

        assertThat(rowCounts()).isEqualTo(beforeReimport);
        assertThat(second.getChanges()).extracting(PlanChange::kind, PlanChange::taskNumber, PlanChange::subject,
                PlanChange::before, PlanChange::after).containsExactly(
                tuple(Kind.TASK_TEXT_CHANGED, 1, "推进引黄灌区建设", "推进引黄灌区建设。新增灌溉面积1500亩以上。",
                        "推进引黄灌区建设。新增灌溉面积2000亩以上。"),
                tuple(Kind.INDICATOR_CHANGED, 1, "1", "新增灌溉面积1500亩以上 [AT_LEAST 1500亩]",
                        "新增灌溉面积2000亩以上 [AT_LEAST 2000亩]"),
                tuple(Kind.UNIT_ADDED, 2, "市财政局", null, "PARTICIPANT"),
                tuple(Kind.UNIT_REMOVED, 2, "市生态环境局", "PARTICIPANT", null),
                tuple(Kind.TASK_WITHDRAWN, 3, "扩大就业", "ACTIVE", "WITHDRAWN"),
                tuple(Kind.TASK_ADDED, 4, "办好民生实事", null, "办好民生实事。新建口袋公园12处。"));

        PlanUpdateReport report = service.applyChanges(second,
                Set.of("T2:UNIT_ADDED:市财政局", "T3:TASK_WITHDRAWN", "T4:TASK_ADDED"));

        assertThat(report.applied()).extracting(PlanChange::id)
                .containsExactly("T2:UNIT_ADDED:市财政局", "T3:TASK_WITHDRAWN", "T4:TASK_ADDED");
        assertThat(report.notApplied()).extracting(PlanChange::id).containsExactly("T1:TASK_TEXT_CHANGED",
                "T1:INDICATOR_CHANGED:1", "T2:UNIT_REMOVED:市生态环境局");
        Long task4Id = tx.execute(s -> {
            Plan plan = plans.findById(planId).orElseThrow();
            KeyTask t1 = tasks.findByPlanAndNumber(plan, 1).orElseThrow();
            assertThat(t1.getBody()).isEqualTo("推进引黄灌区建设。新增灌溉面积1500亩以上。");
            assertThat(t1.getIndicators().get(0).getTargetValue()).isEqualByComparingTo("1500");
            KeyTask t2 = tasks.findByPlanAndNumber(plan, 2).orElseThrow();
            assertThat(t2.getAssignments()).extracting(a -> a.getUnit().getName(), TaskAssignment::getRole)
                    .containsExactly(tuple("菏泽黄河河务局", AssignmentRole.PRIMARY_LEAD),
                            tuple("市水务局", AssignmentRole.LEAD), tuple("市生态环境局", AssignmentRole.PARTICIPANT),
                            tuple("市财政局", AssignmentRole.PARTICIPANT));
            KeyTask t3 = tasks.findByPlanAndNumber(plan, 3).orElseThrow();
            assertThat(t3.getStatus()).isEqualTo(TaskStatus.WITHDRAWN);
            KeyTask t4 = tasks.findByPlanAndNumber(plan, 4).orElseThrow();
            assertThat(t4.getSection().getTitle()).isEqualTo("民生保障");
            assertThat(t4.getAssignments()).extracting(a -> a.getUnit().getName())
                    .containsExactly("市住房城乡建设局", "区测试2041局");
            assertThat(t4.getIndicators()).hasSize(1);
            return t4.getId();
        });
        assertThat(supervisionProcesses("2041-T3", task3Id)).isZero();
        assertThat(supervisionProcesses("2041-T4", task4Id)).isEqualTo(1);
        assertThat(audit.byAction("PLAN_CHANGE_APPLIED")).filteredOn(e -> e.getEntityId().startsWith("2041-T"))
                .extracting(e -> e.getEntityId()).containsExactlyInAnyOrder("2041-T2", "2041-T3", "2041-T4");
        assertThat(audit.trailOf("Plan", String.valueOf(planId))).extracting(e -> e.getAction())
                .containsExactly("PLAN_IMPORTED", "PLAN_REIMPORT_APPLIED");

        // what was left is still offered; what was applied is not
        PlanDraft third = service.preview("plan-2041-v2.txt", utf8(plan(2041, "2000", true)));
        service.settle(third, 1, "有关县区政府", List.of("CAOXIAN"));
        assertThat(third.getChanges()).extracting(PlanChange::id).containsExactly("T1:TASK_TEXT_CHANGED",
                "T1:INDICATOR_CHANGED:1", "T2:UNIT_REMOVED:市生态环境局");
        // a choice made on an outdated preview is refused as a whole
        assertThatThrownBy(() -> service.applyChanges(second, Set.of("T4:TASK_ADDED")))
                .isInstanceOf(PlanImportException.class).hasFieldOrPropertyWithValue("code", "changedSinceSeen");
    }

    @Test
    void reimportOffersTitleChangesAndShowsAMoveWithoutApplyingIt() {
        String original = plan(2045, "1500", false);
        Long planId = importSettled("plan-2045.txt", original);

        // new version: other plan and section titles, and task 3 printed under section 一
        String revised = original.replace("测试市2045年重点工作任务", "测试市2045年重点工作任务清单")
                .replace("一、水利建设", "一、水利基础设施建设")
                .replace("二、民生保障\n\n3. 扩大就业。城镇新增就业8000人左右。（牵头单位：市人力资源社会保障局；参与单位：市教育局）\n\n",
                        "3. 扩大就业。城镇新增就业8000人左右。（牵头单位：市人力资源社会保障局；参与单位：市教育局）\n\n"
                                + "二、民生保障\n\n");
        assertThat(revised).isNotEqualTo(original);
        PlanDraft second = service.preview("plan-2045-v2.txt", utf8(revised));
        service.settle(second, 1, "有关县区政府", List.of("CAOXIAN"));

        assertThat(second.getChanges()).extracting(PlanChange::id, PlanChange::before, PlanChange::after,
                PlanChange::applicable).containsExactly(
                tuple("T0:PLAN_RETITLED", "测试市2045年重点工作任务", "测试市2045年重点工作任务清单", true),
                tuple("T0:SECTION_RETITLED:一", "水利建设", "水利基础设施建设", true),
                tuple("T3:TASK_MOVED", "二", "一", false));
        assertThatThrownBy(() -> service.applyChanges(second, Set.of("T3:TASK_MOVED")))
                .isInstanceOf(PlanImportException.class).hasFieldOrPropertyWithValue("code", "blockedChange");

        PlanUpdateReport report = service.applyChanges(second, Set.of("T0:PLAN_RETITLED", "T0:SECTION_RETITLED:一"));
        assertThat(report.applied()).extracting(PlanChange::id)
                .containsExactly("T0:PLAN_RETITLED", "T0:SECTION_RETITLED:一");
        tx.executeWithoutResult(s -> {
            Plan plan = plans.findById(planId).orElseThrow();
            assertThat(plan.getTitle()).isEqualTo("测试市2045年重点工作任务清单");
            assertThat(plan.getSections()).extracting(PlanSection::getTitle).containsExactly("水利基础设施建设", "民生保障");
            assertThat(tasks.findByPlanAndNumber(plan, 3).orElseThrow().getSection().getLabel()).isEqualTo("二");
        });
        assertThat(audit.trailOf("Plan", String.valueOf(planId))).extracting(e -> e.getAction())
                .containsExactly("PLAN_IMPORTED", "PLAN_CHANGE_APPLIED", "PLAN_CHANGE_APPLIED", "PLAN_REIMPORT_APPLIED");

        PlanDraft third = service.preview("plan-2045-v2.txt", utf8(revised));
        service.settle(third, 1, "有关县区政府", List.of("CAOXIAN"));
        assertThat(third.getChanges()).extracting(PlanChange::id).containsExactly("T3:TASK_MOVED");
    }

    @Test
    void aTargetInsertedBeforeAnotherIsAddedWithoutRewritingTheStoredOne() {
        String original = plan(2046, "1500", false);
        Long planId = importSettled("plan-2046.txt", original);
        Long areaId = tx.execute(s -> tasks.findByPlanAndNumber(plans.findById(planId).orElseThrow(), 1)
                .orElseThrow().getIndicators().get(0).getId());

        // the new version puts a pumping-station target in front of the irrigated area and raises the area
        String revised = original.replace("推进引黄灌区建设。新增灌溉面积1500亩以上。", "推进引黄灌区建设。新建泵站3座，新增灌溉面积1600亩以上。");
        PlanDraft second = service.preview("plan-2046-v2.txt", utf8(revised));
        service.settle(second, 1, "有关县区政府", List.of("CAOXIAN"));

        assertThat(second.getChanges()).extracting(PlanChange::id, PlanChange::before, PlanChange::after)
                .containsExactly(
                        tuple("T1:TASK_TEXT_CHANGED", "推进引黄灌区建设。新增灌溉面积1500亩以上。",
                                "推进引黄灌区建设。新建泵站3座，新增灌溉面积1600亩以上。"),
                        tuple("T1:INDICATOR_CHANGED:1", "新增灌溉面积1500亩以上 [AT_LEAST 1500亩]",
                                "新增灌溉面积1600亩以上 [AT_LEAST 1600亩]"),
                        tuple("T1:INDICATOR_ADDED:1", null, "新建泵站3座 [EXACT 3座]"));
        service.applyChanges(second, Set.of("T1:TASK_TEXT_CHANGED", "T1:INDICATOR_CHANGED:1", "T1:INDICATOR_ADDED:1"));

        tx.executeWithoutResult(s -> {
            List<Indicator> indicators = tasks.findByPlanAndNumber(plans.findById(planId).orElseThrow(), 1)
                    .orElseThrow().getIndicators();
            assertThat(indicators).extracting(Indicator::getPhrase, i -> i.getTargetValue().intValue())
                    .containsExactly(tuple("新增灌溉面积1600亩以上", 1600), tuple("新建泵站3座", 3));
            assertThat(indicators.get(0).getId()).as("the area target, corrected in place").isEqualTo(areaId);
        });
        // the stored plan now says what the document says, in whichever order: nothing left to offer
        PlanDraft third = service.preview("plan-2046-v2.txt", utf8(revised));
        service.settle(third, 1, "有关县区政府", List.of("CAOXIAN"));
        assertThat(third.getChanges()).isEmpty();
    }

    /** Previews, settles 有关县区政府 of task 1 as 曹县 and confirms; the new plan's id. */
    private Long importSettled(String fileName, String text) {
        PlanDraft draft = service.preview(fileName, utf8(text));
        service.settle(draft, 1, "有关县区政府", List.of("CAOXIAN"));
        return service.confirm(draft).planId();
    }

    private long supervisionProcesses(String businessKey, Long taskId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION)
                .processInstanceBusinessKey(businessKey).variableValueEquals(ProcessKeys.VAR_TASK_ID, taskId)
                .count();
    }

    @Test
    void badFilesGetAClearMessage() {
        byte[] good = utf8(plan(2044, "1500", false));
        assertRefused("plan.pdf", good, "wrongType", "only .txt and .docx");
        assertRefused("plan", good, "wrongType", "only .txt and .docx");
        assertRefused("plan.txt", new byte[0], "empty", "empty");
        byte[] huge = new byte[PlanImportPreviewService.MAX_BYTES + 1];
        assertRefused("plan.txt", huge, "tooLarge", "at most");
        byte[] garbled = new byte[4000];
        new Random(7).nextBytes(garbled);
        assertRefused("plan.txt", garbled, "unreadable", "plan.txt");
        assertRefused("plan.txt", utf8("只是一段文字，没有任务。"), "unreadable", "没有找到编号的任务");
        assertRefused("plan.docx", utf8("not really a word document"), "unreadable", "plan.docx");
    }

    @Test
    void settlingAndCorrectingRefuseWhatDoesNotFit() {
        PlanDraft draft = service.preview("plan-2044.txt", utf8(plan(2044, "1500", false)));
        assertThatThrownBy(() -> service.settle(draft, 1, "有关县区政府", List.of()))
                .hasFieldOrPropertyWithValue("code", "noUnitsChosen");
        assertThatThrownBy(() -> service.settle(draft, 1, "有关县区政府", List.of("SWJ")))
                .hasFieldOrPropertyWithValue("code", "unitNotAllowed");
        assertThatThrownBy(() -> service.settle(draft, 2, "有关县区政府", List.of("CAOXIAN")))
                .hasFieldOrPropertyWithValue("code", "unknownToken");
        assertThatThrownBy(() -> service.correctIndicator(draft, 1, 2, BigDecimal.ONE, "亩", Comparator.EXACT))
                .hasFieldOrPropertyWithValue("code", "unknownIndicator");
        assertThatThrownBy(() -> service.correctIndicator(draft, 1, 1, new BigDecimal("-1"), "亩",
                Comparator.EXACT)).hasFieldOrPropertyWithValue("code", "badValue");
        assertThatThrownBy(() -> service.setCalendar(draft, new ReportingSettings(ReportFrequency.QUARTERLY, 25, 5)))
                .hasFieldOrPropertyWithValue("code", "badFirstPeriod");
        assertThatThrownBy(() -> service.applyChanges(draft, Set.of("T1:TASK_TEXT_CHANGED")))
                .hasFieldOrPropertyWithValue("code", "notImported");
        // nothing of the refused steps stuck
        assertThat(draft.getNotes()).isEmpty();
        assertThat(draft.getSettings()).isEqualTo(ReportingSettings.DEFAULT);
    }

    @Test
    @WithUserDetails("caoxian.clerk")
    void onlyAdminsImportPlans() {
        assertThatThrownBy(() -> service.preview("plan-2044.txt", utf8(plan(2044, "1500", false))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(String name, byte[] content, String code, String messagePart) {
        assertThatThrownBy(() -> service.preview(name, content)).isInstanceOf(PlanImportException.class)
                .hasFieldOrPropertyWithValue("code", code).hasMessageContaining(messagePart);
    }
}
