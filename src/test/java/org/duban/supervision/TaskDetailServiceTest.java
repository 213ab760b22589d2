package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.duban.catalog.AssignmentRole;
import org.duban.escalation.EscalationService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.review.ReviewTestSteps;
import org.duban.supervision.TaskDetailService.EntryKind;
import org.duban.supervision.TaskDetailService.IndicatorProgress;
import org.duban.supervision.TaskDetailService.TaskDetail;
import org.duban.supervision.TaskDetailService.TimelineEntry;
import org.duban.supervision.TaskDetailService.UnitLine;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task detail's data on seed task 8 (市科技局 leads; 100 项 scientific results to register): two development zones
 * report and are approved (one after a return), a county is urged; the lead sees everything, a zone only its own.
 */
class TaskDetailServiceTest extends WorkflowTestSupport {

    @Autowired TaskDetailService details;
    @Autowired ReviewService reviewService;
    @Autowired ReportService reportService;
    @Autowired EscalationService escalationService;

    ReviewTestSteps steps;

    @BeforeEach
    void cycleOpen() {
        steps = new ReviewTestSteps(reportService, reviewService, taskService, reports, tx);
        openCycle("2023Q2");
    }

    @Test
    void leadUnitSeesUnitsIndicatorProgressTimelineAndTheProcessDiagram() {
        ProgressReport kfq = report(8, "HZKFQ", "2023Q2");
        ProgressReport gxq = report(8, "HZGXQ", "2023Q2");
        // each step an hour later, so the timeline's order is the order of events
        setClock(LocalDateTime.of(2023, 6, 2, 9, 0));
        steps.submitToReview(kfq, "经开区登记成果20项", 50, 20);
        setClock(LocalDateTime.of(2023, 6, 2, 10, 0));
        actors.as("kjj.reviewer", () -> reviewService.review(steps.taskId(kfq, "reviewReport"),
                ReviewOutcome.RETURN_TO_CLERK, "请附登记清单", Map.of()));
        setClock(LocalDateTime.of(2023, 6, 2, 11, 0));
        steps.submitToReview(kfq, "经开区登记成果20项，清单见附件", 50, 20);
        setClock(LocalDateTime.of(2023, 6, 2, 12, 0));
        actors.as("kjj.reviewer", () -> reviewService.review(steps.taskId(kfq, "reviewReport"),
                ReviewOutcome.APPROVE, null, Map.of()));
        steps.submitToReview(gxq, "高新区登记成果15项", 40, 15);
        actors.as("kjj.reviewer", () -> reviewService.review(steps.taskId(gxq, "reviewReport"),
                ReviewOutcome.APPROVE, null, Map.of()));
        ProgressReport juancheng = report(8, "JUANCHENG", "2023Q2");
        actors.as("supervisor", () -> escalationService.urge(juancheng.getId(), "请按时报送成果登记进展"));

        TaskDetail detail = actors.as("kjj.reviewer", () -> details.detail(seedPlan().getId(), 8));

        assertThat(detail.number()).isEqualTo(8);
        assertThat(detail.title()).isEqualTo("推动科技成果转化");
        assertThat(detail.body()).contains("完成重要科技成果登记");
        assertThat(detail.seesAllUnits()).isTrue();
        assertThat(detail.units()).extracting(UnitLine::code, UnitLine::role)
                .contains(org.assertj.core.groups.Tuple.tuple("KJJ", AssignmentRole.PRIMARY_LEAD),
                        org.assertj.core.groups.Tuple.tuple("HZKFQ", AssignmentRole.PARTICIPANT));
        IndicatorProgress registered = detail.indicators().get(0);
        assertThat(registered.target()).isEqualByComparingTo("100");
        assertThat(registered.approvedActual()).isEqualByComparingTo("35");
        assertThat(registered.percent()).isEqualTo(35);
        assertThat(registered.reportingUnits()).isEqualTo(2);

        assertThat(detail.timeline()).filteredOn(e -> "经开区".equals(e.unitName()) || "菏泽经济技术开发区"
                .equals(e.unitName())).extracting(TimelineEntry::kind, TimelineEntry::code).containsSubsequence(
                        org.assertj.core.groups.Tuple.tuple(EntryKind.SUBMITTED, "1"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.DECISION, "REVIEW.RETURNED_TO_CLERK"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.SUBMITTED, "2"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.DECISION, "REVIEW.APPROVED"));
        assertThat(detail.timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.URGE);
            assertThat(e.unitName()).isEqualTo("鄄城县");
            assertThat(e.actor()).isEqualTo("supervisor");
            assertThat(e.text()).contains("请按时报送成果登记进展");
        });
        assertThat(detail.timeline()).extracting(TimelineEntry::at).isSorted();

        assertThat(detail.diagram()).isNotNull();
        assertThat(detail.diagram().bpmnXml()).contains("id=\"keyTaskSupervision\"");
        assertThat(detail.diagram().activeActivityIds()).isNotEmpty()
                .allSatisfy(id -> assertThat(detail.diagram().bpmnXml()).contains("id=\"" + id + "\""));
        assertThat(detail.diagram().activeActivityNames()).hasSameSizeAs(detail.diagram().activeActivityIds());
    }

    @Test
    void aParticipantSeesOnlyItsOwnEntriesAndAnUninvolvedUnitNothing() {
        ProgressReport dongming = report(8, "DONGMING", "2023Q2");
        ProgressReport chengwu = report(8, "CHENGWU", "2023Q2");
        steps.submitToReview(dongming, "东明登记成果3项", 20, 3);
        steps.submitToReview(chengwu, "成武登记成果4项", 20, 4);

        TaskDetail own = Actors.as(Actors.of("DONGMING", Role.CLERK), () -> details.detail(seedPlan().getId(), 8));
        assertThat(own.seesAllUnits()).isFalse();
        assertThat(own.timeline()).isNotEmpty().allSatisfy(e -> assertThat(e.unitName()).isEqualTo("东明县"));

        TaskDetail office = actors.as("supervisor", () -> details.detail(seedPlan().getId(), 8));
        assertThat(office.timeline()).extracting(TimelineEntry::unitName).contains("东明县", "成武县");

        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> details.detail(seedPlan().getId(), 8)))
                .isInstanceOf(WorkflowAccessException.class);
    }
}
