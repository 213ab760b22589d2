package org.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.CatalogImportService;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.PlanRepository;
import org.duban.catalog.TaskAssignment;
import org.duban.org.UnitRepository;
import org.duban.reporting.CycleDeskService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.support.Actors;
import org.duban.support.SmallPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervision office changes a task's units: added units report from the next cycle opened, a removed co-lead's
 * participants go back to the primary lead's review, the primary lead and other roles' users cannot be changed here,
 * every change needs a reason and is audited. The plan (2028, 测试政办字〔2028〕35号) is this test's own.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskUnitsServiceTest {

    @Autowired TaskUnitsService taskUnits;
    @Autowired CatalogImportService imports;
    @Autowired CycleDeskService cycleDesk;
    @Autowired PlanRepository plans;
    @Autowired KeyTaskRepository tasks;
    @Autowired UnitRepository units;
    @Autowired ProgressReportRepository reports;
    @Autowired AuditService audit;
    @Autowired TransactionTemplate tx;

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void theOfficeAddsAndRemovesUnitsWithAReasonAndTheNextCycleFollows() throws Exception {
        Actors actors = new Actors(users);
        Long planId = SmallPlans.importPlan(imports, 2028, 35, false);
        Long taskId = tx.execute(s -> tasks.findByPlanAndNumber(plans.findById(planId).orElseThrow(), 1)
                .orElseThrow().getId());
        String code = "2028-T1";

        assertThat(actors.as("supervisor", () -> taskUnits.addable(taskId)))
                .extracting(TaskUnitsService.UnitChoice::code).contains("STHJJ", "KJJ").doesNotContain("SWJ", "CZJ");
        assertThatThrownBy(() -> actors.as("supervisor", () -> taskUnits.add(taskId, "STHJJ",
                AssignmentRole.PARTICIPANT, " "))).hasMessageContaining("调整理由");
        actors.as("supervisor", () -> taskUnits.add(taskId, "STHJJ", AssignmentRole.PARTICIPANT, "涉及灌区水环境"));
        actors.as("supervisor", () -> taskUnits.add(taskId, "KJJ", AssignmentRole.LEAD, "节水技术攻关"));
        assertThatThrownBy(() -> actors.as("supervisor", () -> taskUnits.add(taskId, "CZJ",
                AssignmentRole.PARTICIPANT, "重复"))).hasMessageContaining("已承担");
        assertThatThrownBy(() -> actors.as("supervisor", () -> taskUnits.add(taskId, "YJJ",
                AssignmentRole.PRIMARY_LEAD, "换牵头"))).hasMessageContaining("分工调整");
        assertThatThrownBy(() -> actors.as("supervisor", () -> taskUnits.remove(taskId, "SWJ", "不再牵头")))
                .hasMessageContaining("主牵头单位不能直接移除");
        assertThatThrownBy(() -> Actors.as(Actors.of("SWJ", org.duban.org.Role.CLERK, org.duban.org.Role.REVIEWER),
                () -> taskUnits.add(taskId, "YJJ", AssignmentRole.PARTICIPANT, "想加")))
                .isInstanceOf(AccessDeniedException.class);

        // 曹县 reviewed by the co-lead 市科技局 (as a work plan would set it), then 市科技局 is taken off again
        tx.executeWithoutResult(s -> tasks.findById(taskId).orElseThrow().getAssignments().stream()
                .filter(a -> a.getUnit().getCode().equals("CAOXIAN")).findFirst().orElseThrow()
                .setReviewerUnit(units.findByCode("KJJ").orElseThrow()));
        actors.as("supervisor", () -> taskUnits.remove(taskId, "KJJ", "技术攻关并入市水务局"));

        tx.executeWithoutResult(s -> {
            KeyTask task = tasks.findById(taskId).orElseThrow();
            assertThat(task.getAssignments()).extracting(a -> a.getUnit().getCode(), TaskAssignment::getRole,
                    a -> a.getReviewerUnit() == null ? null : a.getReviewerUnit().getCode()).containsExactlyInAnyOrder(
                    tuple("SWJ", AssignmentRole.PRIMARY_LEAD, null), tuple("CZJ", AssignmentRole.PARTICIPANT, null),
                    tuple("CAOXIAN", AssignmentRole.PARTICIPANT, null),
                    tuple("STHJJ", AssignmentRole.PARTICIPANT, null));
        });
        assertThat(audit.trailOf("KeyTask", code)).filteredOn(e -> e.getAction().equals("TASK_UNITS_CHANGED"))
                .extracting(AuditEvent::getActor, AuditEvent::getSummary).containsExactly(
                        tuple("supervisor", "涉及灌区水环境"), tuple("supervisor", "节水技术攻关"),
                        tuple("supervisor", "技术攻关并入市水务局"));

        // the next cycle opened asks the units the task has now
        Long q1 = actors.as("supervisor", () -> cycleDesk.cyclesOf(planId).get(0).id());
        actors.as("supervisor", () -> cycleDesk.open(q1, null));
        java.util.List<String> reporting = tx.execute(s -> reports.findByCycleId(q1).stream()
                .map(ProgressReport::getUnit).map(u -> u.getCode()).toList());
        assertThat(reporting).containsExactlyInAnyOrder("CZJ", "CAOXIAN", "STHJJ");
    }
}
