package org.duban.inbox;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.catalog.KeyTask;
import org.duban.coordination.CoordinationRequest;
import org.duban.coordination.CoordinationService;
import org.duban.escalation.Escalation;
import org.duban.escalation.EscalationService;
import org.duban.org.Unit;
import org.duban.org.UnitService;
import org.duban.reporting.ProgressReport;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.supervision.AssignmentAdjustment;
import org.duban.supervision.ClosureApplication;
import org.duban.supervision.CycleTaskReport;
import org.duban.supervision.KeyTaskSteps;
import org.duban.supervision.WorkPlanSheet;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.forms.FieldError;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormSchema;
import org.duban.workflow.forms.FormValidationException;
import org.duban.workflow.forms.FormValidator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The generic form screen's service for every user task that is not a unit's progress report: it opens a step for
 * its assignee or a member of its candidate groups only, validates the submitted values against the step's deployed
 * Camunda Form, and completes the step through the feature service that owns it ({@link KeyTaskSteps},
 * {@link CoordinationService}, {@link EscalationService}), which checks the user again and keeps the business data.
 */
@Service
public class TaskFormService {

    /** The work plan screen's split of each indicator: rows {indicatorId, unitCode, value}. */
    public static final String WORK_PLAN_SHARES = "workPlanShares";
    /** The work plan screen's reviewing lead unit per reporting unit: {unitCode: reviewerCode}. */
    public static final String WORK_PLAN_REVIEWERS = "workPlanReviewers";
    /** The form fields each step's service reads; any other field's value is an extra. */
    private static final Map<String, Set<String>> CONSUMED = Map.ofEntries(
            Map.entry("confirmAssignment", Set.of("note")),
            Map.entry("acceptAssignment", Set.of("decision", "reason")),
            Map.entry("decideAdjustment", Set.of("decision", "newPrimaryLead", "note")),
            Map.entry("draftWorkPlan", Set.of("milestones", "splitNote")),
            Map.entry("consolidateCycleReport", Set.of("summary")),
            Map.entry("reviewCycleReport", Set.of("decision", "reason")),
            Map.entry("applyForClosure", Set.of("evidence")),
            Map.entry("reviewClosure", Set.of("decision", "reason")),
            Map.entry("triageCoordination", Set.of("decision", "coordinatingUnit", "triageNote")),
            Map.entry("respondCoordination", Set.of("response")),
            Map.entry("confirmResolution", Set.of("decision", "comment")),
            Map.entry("handleSupervisionCase", Set.of("note")));
    /** What a share column (NUMERIC(19,4)) holds. */
    private static final BigDecimal MAX_SHARE = new BigDecimal("999999999999999");

    /** Steps this screen completes; fill-in and sign-off have the report form, the lead unit's review its own. */
    private static final Set<String> STEPS = Set.of("confirmAssignment", "acceptAssignment", "decideAdjustment",
            "draftWorkPlan", "consolidateCycleReport", "reviewCycleReport", "applyForClosure", "reviewClosure",
            "triageCoordination", "respondCoordination", "confirmResolution", "handleSupervisionCase");

    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final FormDefinitions forms;
    private final KeyTaskSteps keyTaskSteps;
    private final CoordinationService coordination;
    private final EscalationService escalation;
    private final CurrentUser currentUser;
    private final EntityManager em;
    private final AuditService audit;
    private final ClosureEvidenceService closureEvidence;
    private final UnitService units;

    public TaskFormService(EngineTasks engineTasks, TaskService taskService, RuntimeService runtime,
            FormDefinitions forms,
            KeyTaskSteps keyTaskSteps, CoordinationService coordination, EscalationService escalation,
            CurrentUser currentUser, EntityManager em, AuditService audit, ClosureEvidenceService closureEvidence,
            UnitService units) {
        this.units = units;
        this.audit = audit;
        this.closureEvidence = closureEvidence;
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.runtime = runtime;
        this.forms = forms;
        this.keyTaskSteps = keyTaskSteps;
        this.coordination = coordination;
        this.escalation = escalation;
        this.currentUser = currentUser;
        this.em = em;
    }

    /** Whether the generic form screen is the place to do this step (by its BPMN element id). */
    public static boolean handles(String activityId) {
        return activityId != null && STEPS.contains(activityId);
    }

    /** The step's screen, for its assignee or (unassigned) a member of its candidate groups; refused otherwise. */
    @Transactional(readOnly = true)
    public TaskForm open(String taskId) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId, user, STEPS.toArray(String[]::new));
        FormSchema schema = withSuppliedOptions(forms.forTask(task.getId()));
        List<TaskForm.Fact> facts = new ArrayList<>();
        KeyTask keyTask = context(task, facts);
        LocalDate due = task.getDueDate() == null ? null
                : LocalDate.ofInstant(task.getDueDate().toInstant(), java.time.ZoneId.systemDefault());
        return new TaskForm(task.getId(), task.getTaskDefinitionKey(), task.getName(), businessKey(task),
                keyTask == null ? null : keyTask.getCode(), keyTask == null ? null : keyTask.getNumber(),
                keyTask == null ? null : keyTask.getTitle(), due, task.getAssignee(), schema, new LinkedHashMap<>(),
                List.copyOf(facts), false);
    }

    /**
     * Checks the values against the step's deployed form (nothing is stored when they break it) and completes the
     * step through its feature service, which decides again whether this user may.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> values) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId, user, STEPS.toArray(String[]::new));
        Map<String, Object> v = values == null ? Map.of() : values;
        FormSchema schema = withSuppliedOptions(forms.forTask(task.getId()));
        FormValidator.requireValid(schema, v, false);
        String id = task.getId();
        // fields an admin added in Modeler have no column of their own: they are kept in the audit trail
        String extras = extraFields(schema, v, CONSUMED.getOrDefault(task.getTaskDefinitionKey(), Set.of()));
        String businessKey = extras == null ? null : businessKey(task);
        switch (task.getTaskDefinitionKey()) {
            case "confirmAssignment" -> keyTaskSteps.confirmAssignment(id, text(v, "note"));
            case "acceptAssignment" -> keyTaskSteps.acceptAssignment(id,
                    decision(v, "ACCEPT", "REQUEST_ADJUSTMENT"), text(v, "reason"));
            case "decideAdjustment" -> keyTaskSteps.decideAdjustment(id, decision(v, "APPROVE", "REJECT"),
                    text(v, "newPrimaryLead"), text(v, "note"));
            // no share values (e.g. through the REST API): the shares and reviewers a work plan already has are kept
            case "draftWorkPlan" -> keyTaskSteps.submitWorkPlan(id, text(v, "milestones"), text(v, "splitNote"),
                    shares(v.get(WORK_PLAN_SHARES)), reviewers(v.get(WORK_PLAN_REVIEWERS)));
            case "consolidateCycleReport" -> keyTaskSteps.consolidateCycleReport(id, text(v, "summary"));
            case "reviewCycleReport" -> keyTaskSteps.decideCycleReport(id, decision(v, "ACCEPT", "RETURN"),
                    text(v, "reason"));
            // the evidence files uploaded on the step go with the application
            case "applyForClosure" -> closureEvidence.submitPendingWith(
                    keyTaskSteps.applyForClosure(id, text(v, "evidence")));
            case "reviewClosure" -> keyTaskSteps.decideClosure(id, decision(v, "ACCEPT", "RETURN"),
                    text(v, "reason"));
            case "triageCoordination" -> coordination.triage(id, decision(v, "ASSIGN", "REJECT"),
                    text(v, "coordinatingUnit"), text(v, "triageNote"));
            case "respondCoordination" -> coordination.respond(id, text(v, "response"));
            case "confirmResolution" -> coordination.confirm(id, decision(v, "CONFIRM", "REOPEN"),
                    text(v, "comment"));
            case "handleSupervisionCase" -> escalation.handleCase(id, text(v, "note"));
            default -> throw new WorkflowAccessException("此环节没有通用表单 / step " + task.getTaskDefinitionKey()
                    + " is not done on the generic form");
        }
        if (extras != null) {
            // a key task's own process (business key 2023-T23) shows them on the task's timeline
            boolean keyTaskProcess = businessKey != null && businessKey.matches("\\d{4}-T\\d+");
            audit.record(user.getUsername(), KeyTaskSteps.STEP_EXTRA_FIELDS, keyTaskProcess ? "KeyTask" : "ProcessStep",
                    Objects.toString(businessKey, task.getProcessInstanceId()), task.getName(), null, extras);
        }
    }

    /**
     * Options a form names by {@code valuesKey} instead of listing them: {@code unitOptions} is every unit of the
     * registry by its name (which the services resolve, aliases included).
     */
    private FormSchema withSuppliedOptions(FormSchema schema) {
        if (schema.fields().stream().noneMatch(f -> FormSchema.UNIT_OPTIONS.equals(f.valuesKey()))) {
            return schema;
        }
        return schema.withOptions(Map.of(FormSchema.UNIT_OPTIONS, units.findAll().stream()
                .sorted(Comparator.comparing(Unit::getName))
                .map(u -> new FormField.Option(u.getName(), u.getName())).toList()));
    }

    /** The values of form fields the step's service does not read, one "label：value" per line; null when none. */
    public static String extraFields(FormSchema schema, Map<String, Object> values, Set<String> consumed) {
        StringBuilder lines = new StringBuilder();
        for (FormField field : schema.fields()) {
            Object value = values.get(field.key());
            if (field.key() == null || field.readonly() || "filepicker".equals(field.type())
                    || consumed.contains(field.key()) || value == null || value.toString().isBlank()) {
                continue;
            }
            java.util.function.Function<Object, String> label = v -> field.options() == null ? String.valueOf(v)
                    : field.options().stream().filter(o -> o.value().equals(String.valueOf(v)))
                            .map(FormField.Option::label).findFirst().orElse(String.valueOf(v));
            String shown = value instanceof java.util.Collection<?> many ? many.stream().map(label)
                    .collect(java.util.stream.Collectors.joining("、")) : label.apply(value);
            lines.append(lines.isEmpty() ? "" : "\n").append(Objects.toString(field.label(), field.key())).append("：")
                    .append(shown);
        }
        return lines.isEmpty() ? null : lines.toString();
    }

    /** The split a work plan step offers (indicators × reporting units, reviewers); for that step only. */
    @Transactional(readOnly = true)
    public WorkPlanSheet workPlanSheet(String taskId) {
        return keyTaskSteps.workPlanSheet(taskId);
    }

    /** Rows {indicatorId, unitCode, value}; blank values are no share. Null when the form sent none. */
    private static List<KeyTaskSteps.ShareInput> shares(Object rows) {
        if (rows == null) {
            return null;
        }
        if (!(rows instanceof List<?> list)) {
            throw new FormValidationException(List.of(new FieldError(WORK_PLAN_SHARES, "指标分解 / shares",
                    "应为列表 / must be a list of rows")));
        }
        List<KeyTaskSteps.ShareInput> shares = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> row) || !(row.get("indicatorId") instanceof Number indicator)
                    || !(row.get("unitCode") instanceof String unit)) {
                errors.add(new FieldError(WORK_PLAN_SHARES + "[" + (i + 1) + "]", "指标分解 / shares",
                        "行格式不正确 / a row needs indicatorId, unitCode and value"));
                continue;
            }
            Object value = row.get("value");
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            try {
                BigDecimal number = new BigDecimal(value.toString().trim());
                if (number.signum() < 0 || number.compareTo(MAX_SHARE) > 0) {
                    throw new NumberFormatException();
                }
                shares.add(new KeyTaskSteps.ShareInput(indicator.longValue(), unit, number));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(WORK_PLAN_SHARES + "[" + (i + 1) + "]", "指标分解 / shares",
                        "应为 0 至 " + MAX_SHARE.toPlainString() + " 的数字 / must be a number from 0 to "
                                + MAX_SHARE.toPlainString() + ", got “" + value + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return shares;
    }

    /** Reporting unit code → reviewing lead unit code; null when the form sent none. */
    private static Map<String, String> reviewers(Object map) {
        if (map == null) {
            return null;
        }
        if (!(map instanceof Map<?, ?> choices)) {
            throw new FormValidationException(List.of(new FieldError(WORK_PLAN_REVIEWERS, "审核单位 / reviewers",
                    "应为单位代码对照 / must map unit codes to unit codes")));
        }
        Map<String, String> reviewers = new LinkedHashMap<>();
        choices.forEach((unit, reviewer) -> {
            if (unit != null && reviewer != null && !reviewer.toString().isBlank()) {
                reviewers.put(unit.toString(), reviewer.toString());
            }
        });
        return reviewers;
    }

    /** The key task the step is about, with the facts its decision rests on added to {@code facts}. */
    private KeyTask context(Task task, List<TaskForm.Fact> facts) {
        String step = task.getTaskDefinitionKey();
        switch (step) {
            case "triageCoordination", "respondCoordination", "confirmResolution" -> {
                CoordinationRequest request = find(CoordinationRequest.class, variable(task,
                        ProcessKeys.VAR_REQUEST_ID));
                if (request == null) {
                    return null;
                }
                facts.add(new TaskForm.Fact("work.taskForm.fact.raisedBy", request.getRaisedByUnit().getName()));
                facts.add(new TaskForm.Fact("work.taskForm.fact.problem", request.getProblem()));
                if (request.getCoordinatingUnit() != null) {
                    facts.add(new TaskForm.Fact("work.taskForm.fact.coordinatingUnit",
                            request.getCoordinatingUnit().getName()));
                }
                addIfPresent(facts, "work.taskForm.fact.triageNote", request.getTriageNote());
                addIfPresent(facts, "work.taskForm.fact.response", request.getResponse());
                return request.getTask();
            }
            case "handleSupervisionCase" -> {
                Escalation escalated = find(Escalation.class, variable(task, ProcessKeys.VAR_ESCALATION_ID));
                if (escalated == null) {
                    ProgressReport report = find(ProgressReport.class, variable(task, ProcessKeys.VAR_REPORT_ID));
                    return report == null ? null : report.getTask();
                }
                facts.add(new TaskForm.Fact("work.taskForm.fact.lateUnit", escalated.getUnit().getName()));
                facts.add(new TaskForm.Fact("work.taskForm.fact.reason", escalated.getReason()));
                if (escalated.getReport() != null) {
                    facts.add(new TaskForm.Fact("work.taskForm.fact.report", escalated.getReport().getBusinessKey()));
                }
                return escalated.getTask();
            }
            default -> {
                KeyTask keyTask = find(KeyTask.class, variable(task, ProcessKeys.VAR_TASK_ID));
                if (keyTask != null) {
                    keyTaskFacts(task, keyTask, facts);
                }
                return keyTask;
            }
        }
    }

    private void keyTaskFacts(Task task, KeyTask keyTask, List<TaskForm.Fact> facts) {
        switch (task.getTaskDefinitionKey()) {
            case "decideAdjustment" -> em.createQuery("select a from AssignmentAdjustment a where a.task = :task"
                    + " order by a.requestedAt desc", AssignmentAdjustment.class).setParameter("task", keyTask)
                    .setMaxResults(1).getResultStream().findFirst().ifPresent(a -> {
                        facts.add(new TaskForm.Fact("work.taskForm.fact.requestedBy", a.getRequestedBy()));
                        facts.add(new TaskForm.Fact("work.taskForm.fact.adjustmentReason", a.getReason()));
                    });
            case "reviewClosure" -> em.createQuery("select c from ClosureApplication c where c.task = :task"
                    + " order by c.appliedAt desc", ClosureApplication.class).setParameter("task", keyTask)
                    .setMaxResults(1).getResultStream().findFirst().ifPresent(c -> {
                        facts.add(new TaskForm.Fact("work.taskForm.fact.appliedBy", c.getAppliedBy()));
                        facts.add(new TaskForm.Fact("work.taskForm.fact.evidence", c.getEvidence()));
                    });
            case "reviewCycleReport", "consolidateCycleReport" -> {
                Long cycleId = variable(task, ProcessKeys.VAR_CYCLE_ID);
                if (cycleId != null) {
                    em.createQuery("select r from CycleTaskReport r where r.task = :task and r.cycle.id = :cycle",
                            CycleTaskReport.class).setParameter("task", keyTask).setParameter("cycle", cycleId)
                            .getResultStream().findFirst().ifPresent(r -> {
                                facts.add(new TaskForm.Fact("work.taskForm.fact.cycle", r.getCycle().getPeriodCode()));
                                addIfPresent(facts, "work.taskForm.fact.summary", r.getSummary());
                                addIfPresent(facts, "work.taskForm.fact.returnReason", r.getDecisionReason());
                            });
                }
            }
            default -> {
                // the key task's own text is enough for the other steps
            }
        }
        facts.add(new TaskForm.Fact("work.taskForm.fact.taskText", keyTask.getBody()));
    }

    private static void addIfPresent(List<TaskForm.Fact> facts, String key, String text) {
        if (text != null && !text.isBlank()) {
            facts.add(new TaskForm.Fact(key, text));
        }
    }

    /** The entity a process variable points to; null when the variable is missing (a process changed in Modeler). */
    private <T> T find(Class<T> type, Long id) {
        return id == null ? null : em.find(type, id);
    }

    private Long variable(Task task, String name) {
        Object value = taskService.getVariable(task.getId(), name);
        return value instanceof Number n ? n.longValue() : null;
    }

    private String businessKey(Task task) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** A two-way decision of the form: the first value means yes; anything else than the two is refused. */
    private static boolean decision(Map<String, Object> values, String yes, String no) {
        Object value = values.get(ProcessKeys.VAR_DECISION);
        if (yes.equals(value)) {
            return true;
        }
        if (no.equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("请选择意见（" + yes + " / " + no + "）/ choose " + yes + " or " + no
                + ", got " + value);
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
