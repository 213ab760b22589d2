package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationService;
import org.duban.notify.NotificationService;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Escalation of a late report on the working-day calendar, driven by the engine clock: 2023Q2 reports are due on
 * Sunday 2023-06-25, a make-up working day; 2023-06-22/23 are the Dragon Boat holidays.
 */
class EscalationFlowTest extends WorkflowTestSupport {

    @Autowired EscalationService escalations;
    @Autowired ReportService reportService;
    @Autowired NotificationService notifications;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void lateReportClimbsFromReminderToTheSupervisionOfficeAndCatchingUpClosesTheCase() {
        ProgressReport report = report(15, "SHANXIAN", "2023Q2");
        long clerkNotes = unread("shanxian.clerk");

        setClock(LocalDateTime.of(2023, 6, 16, 9, 0)); // Friday: 3 working days before due (19, 20, 21; 25)
        assertThat(escalations.check(report.getId(), Escalation.Stage.FILL)).isEmpty();
        setClock(LocalDateTime.of(2023, 6, 20, 9, 0)); // Tuesday: 21, 25 → 2 working days left
        assertThat(level(escalations.check(report.getId(), Escalation.Stage.FILL))).isEqualTo(EscalationLevel.REMINDER);
        assertThat(escalations.check(report.getId(), Escalation.Stage.FILL)).as("same level acts once").isEmpty();
        assertThat(unread("shanxian.clerk")).isEqualTo(clerkNotes + 1);

        setClock(LocalDateTime.of(2023, 6, 22, 9, 0)); // holiday: nothing happens
        assertThat(escalations.check(report.getId(), Escalation.Stage.FILL)).isEmpty();

        setClock(LocalDateTime.of(2023, 6, 25, 9, 0)); // due day, a Sunday worked as 调休
        assertThat(level(escalations.check(report.getId(), Escalation.Stage.FILL))).isEqualTo(EscalationLevel.URGE);
        setClock(LocalDateTime.of(2023, 6, 26, 9, 0)); // 1 working day late
        assertThat(level(escalations.check(report.getId(), Escalation.Stage.FILL)))
                .isEqualTo(EscalationLevel.ESCALATE_LEADER);
        setClock(LocalDateTime.of(2023, 6, 28, 9, 0)); // 3 working days late
        Escalation office = escalations.check(report.getId(), Escalation.Stage.FILL).orElseThrow();
        assertThat(office.getLevel()).isEqualTo(EscalationLevel.ESCALATE_OFFICE);
        assertThat(office.getRecipients()).isEqualTo("SUPERVISOR,SHANXIAN.UNIT_LEADER");
        assertThat(office.getCaseInstanceId()).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(office.getCaseInstanceId())
                .taskCandidateGroup("SUPERVISOR").count()).isEqualTo(1);
        assertThat(reload(report).getEscalationLevel()).isEqualTo(EscalationLevel.ESCALATE_OFFICE);

        actors.as("shanxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("补报本期进展", 40, false, null)));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(office.getCaseInstanceId()).count())
                .as("the office's case closed itself").isZero();
        assertThat(escalations.escalationsOf(report.getId())).extracting(Escalation::getLevel).containsExactly(
                EscalationLevel.REMINDER, EscalationLevel.URGE, EscalationLevel.ESCALATE_LEADER,
                EscalationLevel.ESCALATE_OFFICE);
        assertThat(escalations.escalationsOf(report.getId())).allSatisfy(e -> assertThat(e.getResolvedAt())
                .isNotNull());
    }

    @Test
    void theDailyTimerOfTheFillInStepRunsTheCheck() {
        ProgressReport report = report(16, "SHANXIAN", "2023Q2");
        setClock(LocalDateTime.of(2023, 6, 26, 8, 0));
        Job timer = managementService.createJobQuery().processInstanceId(reload(report).getProcessInstanceId())
                .timers().singleResult();
        assertThat(timer).as("one daily timer on the fill-in step").isNotNull();
        setClock(LocalDateTime.of(2023, 6, 26, 9, 30));
        managementService.executeJob(timer.getId());

        assertThat(escalations.escalationsOf(report.getId())).extracting(Escalation::getLevel)
                .containsExactly(EscalationLevel.ESCALATE_LEADER);
        assertThat(taskOf(report, "fillReport")).as("the timer does not interrupt the clerk").isNotNull();
        Job next = managementService.createJobQuery().processInstanceId(reload(report).getProcessInstanceId())
                .timers().singleResult();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }

    @Test
    void supervisorUrgesByHand() {
        ProgressReport report = report(17, "SHANXIAN", "2023Q2");
        long leaderNotes = unread("shanxian.leader");
        Escalation urge = actors.as("supervisor", () -> escalations.urge(report.getId(), "请于本周内报送"));
        assertThat(urge.getStage()).isEqualTo(Escalation.Stage.MANUAL);
        assertThat(urge.getActor()).isEqualTo("supervisor");
        assertThat(urge.getRecipients()).isEqualTo("SHANXIAN.CLERK,SHANXIAN.UNIT_LEADER");
        assertThat(unread("shanxian.leader")).isEqualTo(leaderNotes + 1);
    }

    private static EscalationLevel level(Optional<Escalation> escalation) {
        return escalation.map(Escalation::getLevel).orElse(EscalationLevel.NONE);
    }
}
