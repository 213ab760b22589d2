package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.duban.admin.NewUser;
import org.duban.admin.UnitAdminService;
import org.duban.admin.UnitChange;
import org.duban.admin.UnitDraft;
import org.duban.admin.UserAdminService;
import org.duban.admin.UserChange;
import org.duban.catalog.KeyTask;
import org.duban.coordination.CoordinationService;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationService;
import org.duban.org.Role;
import org.duban.org.UnitType;
import org.duban.process.DeploymentFile;
import org.duban.process.DeploymentOutcome;
import org.duban.process.ProcessLifecycleService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.security.DubanUserDetails;
import org.duban.supervision.KeyTaskSteps;
import org.duban.support.Actors;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every state change issue #7 names leaves an audit record: who did it, what, to which subject. Each action is done
 * through the service a screen calls, on data no other test uses (巨野县's 2023Q2 reports on high task numbers, task
 * 96, a unit and user of its own, a process of its own).
 */
class AuditCoverageTest extends WorkflowTestSupport {

    private static final String UNIT = "JUYE";

    @Autowired AuditService audit;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired EscalationService escalations;
    @Autowired CoordinationService coordination;
    @Autowired KeyTaskSteps keyTaskSteps;
    @Autowired ProcessLifecycleService lifecycle;
    @Autowired RepositoryService repository;
    @Autowired UnitAdminService unitAdmin;
    @Autowired UserAdminService userAdmin;

    private final DubanUserDetails clerk = Actors.of(UNIT, Role.CLERK);
    private final DubanUserDetails leader = Actors.of(UNIT, Role.UNIT_LEADER);

    /** The i-th untouched 巨野县 report of 2023Q2, counted from the highest task number (others use 6 and 74). */
    private ProgressReport juyeReport(int index) {
        ReportingCycle q2 = openCycle("2023Q2");
        List<ProgressReport> untouched = tx.execute(s -> reports.findByCycleId(q2.getId()).stream()
                .filter(r -> r.getUnit().getCode().equals(UNIT) && r.getUnit().isLeaderSignoff())
                .filter(r -> r.getStatus() == ReportStatus.NOT_STARTED)
                .filter(r -> r.getTask().getNumber() != 6 && r.getTask().getNumber() != 74)
                .sorted(Comparator.comparing((ProgressReport r) -> r.getTask().getNumber()).reversed())
                .toList());
        assertThat(untouched.size()).isGreaterThan(index);
        return reload(untouched.get(index));
    }

    /** The one record of this action on this subject, by this actor. */
    private AuditEvent recorded(String action, String type, String id, String actor) {
        List<AuditEvent> found = audit.trailOf(type, id).stream().filter(e -> e.getAction().equals(action)).toList();
        assertThat(found).as("%s on %s %s", action, type, id).isNotEmpty();
        assertThat(found).extracting(AuditEvent::getActor).as("who did %s", action).contains(actor);
        return found.get(found.size() - 1);
    }

    @Test
    void reportWorkDraftSubmitSignOffReturnAndApprovalAreEachAudited() {
        ProgressReport report = juyeReport(0);
        String key = report.getBusinessKey();
        String reviewer = report.getReviewerUnit().getCode();
        DubanUserDetails reviewerUser = Actors.of(reviewer, Role.REVIEWER);

        Actors.as(clerk, () -> reportService.saveDraft(report.getId(), reportValues("草稿", 10, false, null)));
        AuditEvent draft = recorded("DRAFT_SAVED", "ProgressReport", key, clerk.getUsername());
        assertThat(StateChange.text(draft.getBeforeState(), draft.getAfterState())).contains("narrative: — → 草稿");

        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("第一次报送", 30, false, null)));
        AuditEvent submitted = recorded("REPORT_SUBMITTED", "ProgressReport", key, clerk.getUsername());
        assertThat(submitted.getBeforeState()).isEqualTo("DRAFT");
        assertThat(submitted.getAfterState()).isEqualTo("AWAITING_SIGNOFF");

        Actors.as(leader, () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), false, "数据不全"));
        assertThat(recorded("REPORT_RETURNED_BY_LEADER", "ProgressReport", key, leader.getUsername()).getSummary())
                .isEqualTo("数据不全");
        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("补全后报送", 40, false, null)));
        Actors.as(leader, () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, "同意"));
        assertThat(recorded("REPORT_SIGNED_OFF", "ProgressReport", key, leader.getUsername()).getAfterState())
                .isEqualTo("AWAITING_REVIEW");

        Actors.as(reviewerUser, () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.RETURN_TO_CLERK, "请补充进度说明", Map.of()));
        AuditEvent returned = recorded("REPORT_RETURNED", "ProgressReport", key, reviewerUser.getUsername());
        assertThat(returned.getSummary()).isEqualTo("请补充进度说明");
        assertThat(returned.getAfterState()).isEqualTo("RETURNED");

        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("第三次报送", 60, false, null)));
        Actors.as(leader, () -> reviewService.signOff(taskOf(report, "signOffReport").getId(), true, null));
        Actors.as(reviewerUser, () -> reviewService.review(taskOf(report, "reviewReport").getId(),
                ReviewOutcome.APPROVE, null, Map.of()));
        assertThat(recorded("REPORT_APPROVED", "ProgressReport", key, reviewerUser.getUsername()).getAfterState())
                .isEqualTo("APPROVED");
        assertThat(audit.trailOf("ProgressReport", key)).extracting(AuditEvent::getAction).containsExactly(
                "DRAFT_SAVED", "REPORT_SUBMITTED", "REPORT_RETURNED_BY_LEADER", "REPORT_SUBMITTED",
                "REPORT_SIGNED_OFF", "REPORT_RETURNED", "REPORT_SUBMITTED", "REPORT_SIGNED_OFF", "REPORT_APPROVED");
    }

    @Test
    void urgingAndEscalationAreAudited() {
        ProgressReport urged = juyeReport(1);
        actors.as("supervisor", () -> escalations.urge(urged.getId(), "请尽快报送"));
        assertThat(recorded("ESCALATION_URGE", "ProgressReport", urged.getBusinessKey(), "supervisor")
                .getSummary()).contains("督查室催办：请尽快报送");

        ProgressReport late = juyeReport(2);
        setClock(LocalDateTime.of(2023, 6, 28, 9, 0)); // three working days after the 2023-06-25 due date
        Escalation escalation = escalations.check(late.getId(), Escalation.Stage.FILL).orElseThrow();
        AuditEvent escalated = recorded("ESCALATION_" + escalation.getLevel().name(), "ProgressReport",
                late.getBusinessKey(), "system");
        assertThat(escalated.getAfterState()).isEqualTo(escalation.getLevel().name());
        assertThat(escalated.getSummary()).contains("已逾期");
    }

    @Test
    void coordinationIsAudited() {
        ProgressReport report = juyeReport(3);
        Actors.as(clerk, () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("推进中", 50, true, "用地指标需市级协调")));
        String requestKey = report.getBusinessKey() + "-XT1";
        assertThat(recorded("COORDINATION_RAISED", "CoordinationRequest", requestKey, clerk.getUsername())
                .getSummary()).isEqualTo("用地指标需市级协调");
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(requestKey)
                .taskDefinitionKey("triageCoordination").singleResult();
        actors.as("supervisor", () -> coordination.triage(triage.getId(), true, "市发展改革委", "请发改委协调"));
        recorded("COORDINATION_ASSIGNED", "CoordinationRequest", requestKey, "supervisor");
    }

    @Test
    void closingAKeyTaskIsAudited() {
        openCycle("2023Q2");
        KeyTask t96 = task(96);
        actors.as("supervisor", () -> keyTaskSteps.confirmAssignment(step(t96, "confirmAssignment"), null));
        actors.as("supervisor", () -> keyTaskSteps.submitWorkPlan(step(t96, "draftWorkPlan"), "年底前完成",
                null, List.of(), Map.of()));
        actors.as("supervisor", () -> keyTaskSteps.inviteClosure(t96.getId()));
        actors.as("supervisor", () -> keyTaskSteps.applyForClosure(step(t96, "applyForClosure"), "已完成"));
        actors.as("supervisor", () -> keyTaskSteps.decideClosure(step(t96, "reviewClosure"), true, null));
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(t96.getCode()).list()
                .forEach(p -> runAsyncSteps(p.getId()));
        recorded("CLOSURE_ACCEPTED", "KeyTask", t96.getCode(), "supervisor");
        AuditEvent closed = recorded("TASK_CLOSED", "KeyTask", t96.getCode(), "system");
        assertThat(closed.getAfterState()).isEqualTo("CLOSED");
    }

    @Test
    void deployingAndMigratingAProcessAreAudited() {
        String key = "auditCoverage";
        DeploymentOutcome v1 = actors.as("admin", () -> lifecycle.deploy("audit coverage v1",
                List.of(file("audit-coverage.bpmn", process(key, "收集")), file("audit-coverage.form", form()))));
        AuditEvent deployed = recorded(ProcessLifecycleServiceActions.DEPLOYED, "Deployment", v1.deploymentId(),
                "admin");
        assertThat(deployed.getSummary()).contains("audit coverage v1", key + ":1");
        String v1Id = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
        runtimeService.startProcessInstanceByKey(key, "AC-1");
        actors.as("admin", () -> lifecycle.deploy("audit coverage v2",
                List.of(file("audit-coverage.bpmn", process(key, "收集材料")))));
        String v2Id = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
        actors.as("admin", () -> lifecycle.migrate(v1Id, v2Id));
        assertThat(recorded(ProcessLifecycleServiceActions.MIGRATED, "ProcessDefinition", v2Id, "admin")
                .getSummary()).contains("1 moved, 0 not moved");
    }

    @Test
    void changingAUnitOrAUserIsAudited() {
        actors.as("admin", () -> unitAdmin.create(new UnitDraft("AUDCOV", "审计覆盖测试单位", UnitType.OTHER, false)));
        recorded("UNIT_CREATED", "Unit", "AUDCOV", "admin");
        actors.as("admin", () -> unitAdmin.update("AUDCOV", new UnitChange("审计覆盖测试单位（改）", UnitType.OTHER,
                true)));
        AuditEvent unitChanged = recorded("UNIT_CHANGED", "Unit", "AUDCOV", "admin");
        assertThat(StateChange.text(unitChanged.getBeforeState(), unitChanged.getAfterState()))
                .contains("审计覆盖测试单位 → 审计覆盖测试单位（改）");

        actors.as("admin", () -> userAdmin.create(new NewUser("audcov.clerk", "覆盖测试", "AUDCOV",
                EnumSet.of(Role.CLERK), null, null)));
        recorded("USER_CREATED", "User", "audcov.clerk", "admin");
        actors.as("admin", () -> userAdmin.update("audcov.clerk", new UserChange("覆盖测试（改）", "AUDCOV",
                EnumSet.of(Role.CLERK, Role.UNIT_LEADER), null)));
        AuditEvent userChanged = recorded("USER_CHANGED", "User", "audcov.clerk", "admin");
        assertThat(StateChange.text(userChanged.getBeforeState(), userChanged.getAfterState()))
                .contains("覆盖测试 → 覆盖测试（改）");
    }

    /** The action names ProcessLifecycleService writes (its constants are package-private). */
    private static final class ProcessLifecycleServiceActions {
        static final String DEPLOYED = "PROCESS_DEPLOYED";
        static final String MIGRATED = "PROCESS_MIGRATED";
    }

    private String step(KeyTask task, String activityId) {
        Task found = keyTaskStep(task, activityId);
        assertThat(found).as(activityId + " of " + task.getCode()).isNotNull();
        return found.getId();
    }

    private static DeploymentFile file(String name, String text) {
        return new DeploymentFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String form() {
        return "{\"id\": \"auditCoverageForm\", \"type\": \"default\", \"components\": ["
                + "{\"label\": \"说明\", \"type\": \"textfield\", \"key\": \"note\", \"id\": \"Field_note\"}]}";
    }

    private static String process(String key, String taskName) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\" "
                + "targetNamespace=\"http://duban.org/bpmn/test\">\n"
                + "  <bpmn:process id=\"" + key + "\" name=\"审计覆盖\" isExecutable=\"true\" "
                + "camunda:historyTimeToLive=\"P30D\">\n"
                + "    <bpmn:startEvent id=\"start\" name=\"开始\"/>\n"
                + "    <bpmn:userTask id=\"collect\" name=\"" + taskName + "\" camunda:formRef=\"auditCoverageForm\" "
                + "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"SUPERVISOR\"/>\n"
                + "    <bpmn:endEvent id=\"end\" name=\"结束\"/>\n"
                + "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"collect\"/>\n"
                + "    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"collect\" targetRef=\"end\"/>\n"
                + "  </bpmn:process>\n</bpmn:definitions>\n";
    }
}
