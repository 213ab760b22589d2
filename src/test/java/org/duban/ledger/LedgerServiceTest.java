package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowTestSupport;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The ledger on the seed plan's 2023Q2 (due Sunday 2023-06-25, a make-up working day): rows after the cycle opens,
 * lights through submission, returns and approval, the calendar, overrides with their audit trail, and who sees
 * what. Works on tasks 72 and 74 (led by 市委宣传部, XCB) and the units 东明县, 巨野县 and 高新区.
 */
class LedgerServiceTest extends WorkflowTestSupport {

    private static final DubanUserDetails XCB_REVIEWER = Actors.of("XCB", Role.REVIEWER);

    @Autowired LedgerService ledger;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired AuditService audit;
    @Autowired EntityManagerFactory entityManagerFactory;

    private ReportingCycle q2;

    @BeforeEach
    void cycleOpen() {
        q2 = openCycle("2023Q2");
    }

    private <T> T asSupervisor(java.util.function.Supplier<T> step) {
        return actors.as("supervisor", step);
    }

    private LedgerRow row(ProgressReport report) {
        return asSupervisor(() -> ledger.row(report.getId()));
    }

    @Test
    void everyReportingUnitOfATaskHasARowOnceTheCycleIsOpen() {
        LedgerFilter juyeOnXcbTasks = LedgerFilter.ofCycle(q2.getId()).withLeadUnit("XCB").withUnit("JUYE");
        List<LedgerRow> rows = asSupervisor(() -> ledger.page(juyeOnXcbTasks, 0, 100));
        assertThat(asSupervisor(() -> ledger.count(juyeOnXcbTasks))).isEqualTo(rows.size());
        assertThat(rows).extracting(LedgerRow::taskNumber).contains(72, 74, 75, 80).isSorted();
        LedgerRow row = rows.stream().filter(r -> r.taskNumber() == 72).findFirst().orElseThrow();
        assertThat(row.taskLabel()).isEqualTo("72. " + task(72).getTitle());
        assertThat(row.sectionTitle()).isEqualTo(task(72).getSection().getTitle());
        assertThat(row.leadUnits()).containsExactly("市委宣传部");
        assertThat(row.unitName()).isEqualTo("巨野县");
        assertThat(row.periodCode()).isEqualTo("2023Q2");
        assertThat(row.dueOn()).isEqualTo(LocalDate.of(2023, 6, 25));
        assertThat(row.status()).isEqualTo(ReportStatus.NOT_STARTED);
        assertThat(row.light().light()).isEqualTo(Light.GREEN);
        assertThat(row.light().rule()).isEqualTo(LightRule.ON_TRACK);

        LedgerFilter task72 = LedgerFilter.ofCycle(q2.getId()).withLeadUnit("XCB").withCountyLevelOnly(true);
        List<LedgerRow> counties = asSupervisor(() -> ledger.page(task72, 0, 500));
        assertThat(counties).extracting(LedgerRow::unitType).allMatch(t -> t.isCountyLevel());
        assertThat(counties.stream().filter(r -> r.taskNumber() == 72)).extracting(LedgerRow::unitName)
                .contains("牡丹区", "东明县", "菏泽高新技术产业开发区").hasSize(11);
    }

    @Test
    void returnsTurnTheLightYellowThenRedAndApprovalOnTimeGreen() {
        ProgressReport report = report(72, "DONGMING", "2023Q2");
        submitAndSignOff(report, "开展文明培育活动3场");
        assertThat(row(report).status()).isEqualTo(ReportStatus.AWAITING_REVIEW);
        assertThat(row(report).light().light()).isEqualTo(Light.GREEN);

        reviewerDecides(report, ReviewOutcome.RETURN_TO_CLERK, "请补充活动照片");
        LedgerRow once = row(report);
        assertThat(once.light().light()).isEqualTo(Light.YELLOW);
        assertThat(once.light().rule()).isEqualTo(LightRule.RETURNED_ONCE);
        assertThat(once.light().since()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(once.returnCount()).isEqualTo(1);

        submitAndSignOff(report, "开展文明培育活动3场，附照片");
        reviewerDecides(report, ReviewOutcome.RETURN_TO_CLERK, "照片不清晰");
        LedgerRow twice = row(report);
        assertThat(twice.light().light()).isEqualTo(Light.RED);
        assertThat(twice.light().rule()).isEqualTo(LightRule.RETURNED_REPEATEDLY);
        assertThat(twice.light().detail()).isEqualTo(2);

        submitAndSignOff(report, "开展文明培育活动3场，附清晰照片");
        reviewerDecides(report, ReviewOutcome.APPROVE, null);
        runAsyncSteps(reload(report).getProcessInstanceId());
        LedgerRow approved = row(report);
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approved.light().light()).isEqualTo(Light.GREEN);
        assertThat(approved.light().rule()).isEqualTo(LightRule.APPROVED_ON_TIME);
        assertThat(approved.narrative()).isEqualTo("开展文明培育活动3场，附清晰照片");
        assertThat(approved.percentDone()).isEqualTo(60);
    }

    @Test
    void anUnsubmittedReportTurnsYellowBeforeTheDueDateAndRedAfterIt() {
        ProgressReport report = report(72, "HZGXQ", "2023Q2");
        setClock(LocalDateTime.of(2023, 6, 20, 9, 0)); // 21 and Sunday 25 left; 22-23 are the Dragon Boat holidays
        LedgerRow soon = row(report);
        assertThat(soon.light().light()).isEqualTo(Light.YELLOW);
        assertThat(soon.light().rule()).isEqualTo(LightRule.DUE_SOON);
        assertThat(soon.light().detail()).isEqualTo(2);

        setClock(LocalDateTime.of(2023, 6, 26, 9, 0));
        LedgerRow late = row(report);
        assertThat(late.light().light()).isEqualTo(Light.RED);
        assertThat(late.light().rule()).isEqualTo(LightRule.OVERDUE);
        assertThat(late.light().since()).isEqualTo(LocalDate.of(2023, 6, 26));
        assertThat(late.light().detail()).isEqualTo(1);

        LedgerFilter mine = LedgerFilter.ofCycle(q2.getId()).withUnit("HZGXQ").withLeadUnit("XCB");
        assertThat(asSupervisor(() -> ledger.page(mine.withLight(Light.RED), 0, 100)))
                .extracting(LedgerRow::reportId).contains(report.getId());
        assertThat(asSupervisor(() -> ledger.page(mine.withLight(Light.GREEN), 0, 100)))
                .extracting(LedgerRow::reportId).doesNotContain(report.getId());
        assertThat(asSupervisor(() -> ledger.count(mine.withLight(Light.RED))))
                .isEqualTo(asSupervisor(() -> ledger.page(mine.withLight(Light.RED), 0, 100)).size());
    }

    @Test
    void aSupervisorOverridesALightWithAReasonKeptInTheAuditTrail() {
        ProgressReport report = report(74, "JUYE", "2023Q2");
        assertThatThrownBy(() -> asSupervisor(() -> ledger.override(report.getId(), Light.RED, "  ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Actors.as(XCB_REVIEWER, () -> ledger.override(report.getId(), Light.RED, "越权")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(row(report).light().isOverridden()).isFalse();

        StatusLight set = asSupervisor(() -> ledger.override(report.getId(), Light.RED, "县里反映项目推进受阻"));
        assertThat(set.light()).isEqualTo(Light.RED);
        assertThat(set.rule()).isEqualTo(LightRule.OVERRIDDEN);
        assertThat(set.override().computed()).isEqualTo(Light.GREEN);
        assertThat(set.override().reason()).isEqualTo("县里反映项目推进受阻");
        assertThat(set.override().by()).isEqualTo("supervisor");
        assertThat(LedgerText.of(java.util.Locale.SIMPLIFIED_CHINESE).explain(row(report).light()))
                .startsWith("督查室人工亮灯：县里反映项目推进受阻（supervisor，2023-06-01；原为绿灯：正常推进）");
        assertThat(asSupervisor(() -> ledger.page(LedgerFilter.ofCycle(q2.getId()).withUnit("JUYE")
                .withLight(Light.RED), 0, 500))).extracting(LedgerRow::reportId).contains(report.getId());

        AuditEvent overridden = last(report);
        assertThat(overridden.getAction()).isEqualTo("LEDGER_LIGHT_OVERRIDDEN");
        assertThat(overridden.getActor()).isEqualTo("supervisor");
        assertThat(overridden.getSummary()).contains("县里反映项目推进受阻");
        assertThat(overridden.getBeforeState()).isEqualTo("GREEN (ON_TRACK)");
        assertThat(overridden.getAfterState()).isEqualTo("RED");

        StatusLight cleared = asSupervisor(() -> ledger.clearOverride(report.getId(), "已核实恢复正常"));
        assertThat(cleared.light()).isEqualTo(Light.GREEN);
        assertThat(cleared.isOverridden()).isFalse();
        AuditEvent clearedEvent = last(report);
        assertThat(clearedEvent.getAction()).isEqualTo("LEDGER_OVERRIDE_CLEARED");
        assertThat(clearedEvent.getBeforeState()).isEqualTo("RED");
        assertThat(clearedEvent.getAfterState()).isEqualTo("GREEN (ON_TRACK)");
        assertThat(asSupervisor(() -> ledger.overridesOf(report.getId()))).singleElement()
                .satisfies(o -> assertThat(o.getClearedBy()).isEqualTo("supervisor"));
    }

    @Test
    void leadUnitReviewersSeeTheirTasksOnlyAndClerksNothing() {
        LedgerFilter all = LedgerFilter.ofCycle(q2.getId());
        List<LedgerRow> xcb = Actors.as(XCB_REVIEWER, () -> ledger.page(all, 0, 1000));
        assertThat(xcb).isNotEmpty().allSatisfy(r -> assertThat(r.leadUnits()).contains("市委宣传部"));
        assertThat(xcb).extracting(LedgerRow::taskNumber).contains(72, 80);
        assertThat(Actors.as(XCB_REVIEWER, () -> ledger.count(all))).isEqualTo(xcb.size());
        assertThat(Actors.as(XCB_REVIEWER, () -> ledger.access()).mayOverride()).isFalse();

        List<LedgerRow> mzj = Actors.as(Actors.of("MZJ", Role.REVIEWER), () -> ledger.page(all, 0, 1000));
        assertThat(mzj).extracting(LedgerRow::taskNumber).contains(86).doesNotContain(72, 80);
        assertThat(asSupervisor(() -> ledger.count(all))).isGreaterThan(xcb.size() + mzj.size());

        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> ledger.count(all)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors.as("caoxian.leader", () -> ledger.page(all, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPageTakesTheSameFewQueriesWhateverItsSize() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            LedgerFilter all = LedgerFilter.ofCycle(q2.getId());
            DubanUserDetails supervisor = Actors.of("DCS", Role.SUPERVISOR);
            // once first: what is loaded once per session (settings, units) is not what a page costs
            Actors.as(supervisor, () -> ledger.page(all, 0, 10));
            statistics.clear();
            List<LedgerRow> ten = Actors.as(supervisor, () -> ledger.page(all, 0, 10));
            long forTen = statistics.getPrepareStatementCount();
            statistics.clear();
            List<LedgerRow> fiveHundred = Actors.as(supervisor, () -> ledger.page(all, 0, 500));
            long forFiveHundred = statistics.getPrepareStatementCount();
            assertThat(ten).hasSize(10);
            assertThat(fiveHundred).hasSize(500);
            assertThat(forTen).isLessThanOrEqualTo(7);
            assertThat(forFiveHundred).isLessThanOrEqualTo(7);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    private AuditEvent last(ProgressReport report) {
        List<AuditEvent> trail = audit.trailOf("ProgressReport", report.getBusinessKey());
        return trail.get(trail.size() - 1);
    }

    private void submitAndSignOff(ProgressReport report, String narrative) {
        String unit = reload(report).getUnit().getCode();
        Actors.as(Actors.of(unit, Role.CLERK), () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues(narrative, 60, false, null)));
        if (reload(report).getStatus() == ReportStatus.AWAITING_SIGNOFF) {
            Actors.as(Actors.of(unit, Role.UNIT_LEADER), () -> reviewService.signOff(
                    taskOf(report, "signOffReport").getId(), true, null));
        }
    }

    private void reviewerDecides(ProgressReport report, ReviewOutcome outcome, String reason) {
        Actors.as(XCB_REVIEWER, () -> reviewService.review(taskOf(report, "reviewReport").getId(), outcome, reason,
                Map.of()));
    }
}
