package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationService;
import org.duban.ledger.SupervisionDeskService.OverdueItem;
import org.duban.ledger.SupervisionDeskService.OverdueUnit;
import org.duban.ledger.SupervisionDeskService.SupervisionCase;
import org.duban.org.Role;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewService;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The supervision office's desk on 2023Q2 (due Sunday 2023-06-25): overdue lists by unit for reports and reviews,
 * one-click urging recorded and notified, and the 督办 queue. Works on tasks 78 and 80 (led by 市委宣传部) with
 * 鄄城县, 牡丹区 and 定陶区.
 */
class SupervisionDeskServiceTest extends WorkflowTestSupport {

    private static final DubanUserDetails SUPERVISOR = Actors.of("DCS", Role.SUPERVISOR);

    @Autowired SupervisionDeskService desk;
    @Autowired EscalationService escalations;
    @Autowired LedgerService ledger;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired AuditService audit;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    private static <T> T asSupervisor(Supplier<T> step) {
        return Actors.as(SUPERVISOR, step);
    }

    @Test
    void overdueReportsAreListedByUnitAndUrgedWithOneClick() {
        ProgressReport report = report(78, "JUANCHENG", "2023Q2");
        setClock(LocalDateTime.of(2023, 6, 28, 9, 0));

        OverdueUnit juancheng = asSupervisor(() -> desk.overdueByUnit()).stream()
                .filter(u -> u.unitCode().equals("JUANCHENG")).findFirst().orElseThrow();
        assertThat(juancheng.overdueReports()).isGreaterThanOrEqualTo(1);
        // 2023Q2 is due 2023-06-25; other tests may also have opened 2023Q1 (due 2023-03-27)
        assertThat(juancheng.oldestDue()).isIn(LocalDate.of(2023, 3, 27), LocalDate.of(2023, 6, 25));
        List<OverdueItem> items = asSupervisor(() -> desk.overdue("JUANCHENG", 0, 500));
        assertThat(asSupervisor(() -> desk.countOverdue("JUANCHENG"))).isEqualTo(items.size());
        OverdueItem item = items.stream().filter(i -> i.reportId().equals(report.getId())).findFirst().orElseThrow();
        assertThat(item.stage()).isEqualTo(Escalation.Stage.FILL);
        assertThat(item.lateUnit()).isEqualTo("鄄城县");
        assertThat(item.workingDaysOverdue()).isEqualTo(3);
        assertThat(item.lastUrgedAt()).isNull();

        assertThatThrownBy(() -> Actors.as(Actors.of("JUANCHENG", Role.CLERK), () -> desk.urge(report.getId(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.as(Actors.of("XCB", Role.REVIEWER), () -> desk.overdueByUnit()))
                .isInstanceOf(AccessDeniedException.class);

        String notified = asSupervisor(() -> desk.urge(report.getId(), null));
        assertThat(notified).isEqualTo("JUANCHENG.CLERK,JUANCHENG.UNIT_LEADER");
        assertThat(escalations.escalationsOf(report.getId())).extracting(Escalation::getStage, Escalation::getLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Escalation.Stage.MANUAL, EscalationLevel.URGE));
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .contains("ESCALATION_URGE");
        OverdueItem urged = asSupervisor(() -> desk.overdue("JUANCHENG", 0, 500)).stream()
                .filter(i -> i.reportId().equals(report.getId())).findFirst().orElseThrow();
        assertThat(urged.lastUrgedAt()).isNotNull();
    }

    @Test
    void aLateReviewCountsAgainstTheLeadUnit() {
        ProgressReport report = report(80, "DINGTAO", "2023Q2");
        Actors.as(Actors.of("DINGTAO", Role.CLERK), () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("落实品牌推广工程", 70, false, null)));
        if (reload(report).getStatus() == ReportStatus.AWAITING_SIGNOFF) {
            Actors.as(Actors.of("DINGTAO", Role.UNIT_LEADER), () -> reviewService.signOff(
                    taskOf(report, "signOffReport").getId(), true, null));
        }
        LocalDate reviewDue = reload(report).getReviewDueOn();
        setClock(reviewDue.plusDays(1).atTime(9, 0));

        OverdueUnit xcb = asSupervisor(() -> desk.overdueByUnit()).stream()
                .filter(u -> u.unitCode().equals("XCB")).findFirst().orElseThrow();
        assertThat(xcb.overdueReviews()).isGreaterThanOrEqualTo(1);
        OverdueItem item = asSupervisor(() -> desk.overdue("XCB", 0, 500)).stream()
                .filter(i -> i.reportId().equals(report.getId())).findFirst().orElseThrow();
        assertThat(item.stage()).isEqualTo(Escalation.Stage.REVIEW);
        assertThat(item.lateUnit()).isEqualTo("市委宣传部");
        assertThat(item.reportingUnit()).isEqualTo("定陶区");
        assertThat(item.dueOn()).isEqualTo(reviewDue);
        assertThat(asSupervisor(() -> desk.overdue("DINGTAO", 0, 500))).extracting(OverdueItem::reportId)
                .doesNotContain(report.getId());
        assertThat(asSupervisor(() -> desk.urge(report.getId(), "请尽快审核"))).isEqualTo("XCB.REVIEWER,XCB.UNIT_LEADER");
    }

    @Test
    void anOfficeEscalationWaitsInTheQueueTurnsTheLightRedAndIsHandledWithANote() {
        ProgressReport report = report(80, "MUDAN", "2023Q2");
        setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
        Escalation office = escalations.check(report.getId(), Escalation.Stage.FILL).orElseThrow();
        assertThat(office.getLevel()).isEqualTo(EscalationLevel.ESCALATE_OFFICE);

        long open = asSupervisor(() -> desk.countOpenCases());
        SupervisionCase inQueue = asSupervisor(() -> desk.openCases(0, (int) open)).stream()
                .filter(c -> c.escalationId().equals(office.getId())).findFirst().orElseThrow();
        assertThat(inQueue.unitName()).isEqualTo("牡丹区");
        assertThat(inQueue.taskNumber()).isEqualTo(80);
        assertThat(inQueue.periodCode()).isEqualTo("2023Q2");
        assertThat(inQueue.engineTaskId()).isNotNull();
        LedgerRow row = asSupervisor(() -> ledger.row(report.getId()));
        assertThat(row.light().rule()).isEqualTo(LightRule.ESCALATED);
        assertThat(row.light().since()).isEqualTo(LocalDate.of(2023, 6, 28));

        assertThatThrownBy(() -> asSupervisor(() -> {
            desk.handleCase(inQueue.engineTaskId(), " ");
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        actors.as("supervisor", () -> desk.handleCase(inQueue.engineTaskId(), "已约谈牡丹区分管负责同志"));
        assertThat(asSupervisor(() -> desk.countOpenCases())).isEqualTo(open - 1);
        assertThat(asSupervisor(() -> desk.openCases(0, 500))).extracting(SupervisionCase::escalationId)
                .doesNotContain(office.getId());
        assertThat(asSupervisor(() -> ledger.row(report.getId())).light().rule())
                .as("handled, but still not submitted").isEqualTo(LightRule.OVERDUE);
    }
}
