package org.duban.supervision;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.Indicator;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanRepository;
import org.duban.catalog.TaskAssignment;
import org.duban.escalation.Escalation;
import org.duban.org.Role;
import org.duban.reporting.EscalationLevel;
import org.duban.reporting.IndicatorActual;
import org.duban.reporting.ReportSnapshot;
import org.duban.review.ReviewDecision;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task detail screen's data: a key task's text, its units and indicators with progress (target against the sum of
 * each unit's latest approved actual), a timeline of every submission, decision, urge, escalation and process step,
 * and its supervision process diagram with the steps active now. The supervision office, admins and the task's lead
 * units see every unit's entries; a participating unit sees its own; other units see nothing.
 */
@Service
@Transactional(readOnly = true)
public class TaskDetailService {

    public enum EntryKind {
        SUBMITTED, DECISION, URGE, ESCALATION, STEP
    }

    public record UnitLine(String code, String name, AssignmentRole role) {
    }

    /** An indicator's target and progress; {@code percent} is null while nothing has been approved. */
    public record IndicatorProgress(Long indicatorId, String phrase, BigDecimal target, String measureUnit,
            org.duban.catalog.Comparator comparator, BigDecimal approvedActual, Integer percent,
            int reportingUnits) {
    }

    /** One line of the timeline; {@code code} is a stable key the screen translates (an outcome, a level, …). */
    public record TimelineEntry(Instant at, EntryKind kind, String code, String unitName, String periodCode,
            String actor, String text) {
    }

    /** The diagram XML, the ids of the activities active now and their names (the id where a name is missing). */
    public record Diagram(String processInstanceId, String bpmnXml, List<String> activeActivityIds,
            List<String> activeActivityNames) {
    }

    public record TaskDetail(Long taskId, int number, String code, String title, String body, String sectionTitle,
            String planTitle, String status, boolean seesAllUnits, List<UnitLine> units,
            List<IndicatorProgress> indicators, List<TimelineEntry> timeline, Diagram diagram) {
    }

    private final PlanRepository plans;
    private final KeyTaskRepository tasks;
    private final EntityManager em;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;
    private final CurrentUser currentUser;
    private final org.duban.audit.AuditService audit;

    public TaskDetailService(PlanRepository plans, KeyTaskRepository tasks, EntityManager em, RuntimeService runtime,
            RepositoryService repository, HistoryService history, CurrentUser currentUser,
            org.duban.audit.AuditService audit) {
        this.audit = audit;
        this.plans = plans;
        this.tasks = tasks;
        this.em = em;
        this.runtime = runtime;
        this.repository = repository;
        this.history = history;
        this.currentUser = currentUser;
    }

    /** Task number {@code number} of the given plan, or of the newest plan when {@code planId} is null. */
    public TaskDetail detail(Long planId, int number) {
        DubanUserDetails user = currentUser.require();
        Plan plan = planId != null ? plans.findById(planId).orElseThrow(() -> new NotFoundException("No plan " + planId))
                : plans.findAllByOrderByYearDescIdDesc().stream().findFirst()
                        .orElseThrow(() -> new NotFoundException("No plan yet"));
        KeyTask task = tasks.findByPlanAndNumber(plan, number)
                .orElseThrow(() -> new NotFoundException("No task " + number + " in " + plan.getDocumentNumber()));
        boolean office = user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.ADMIN);
        Optional<TaskAssignment> mine = task.getAssignments().stream()
                .filter(a -> a.getUnit().getCode().equals(user.getUnitCode())).findFirst();
        if (!office && mine.isEmpty()) {
            throw new WorkflowAccessException("您的单位不承担此任务 / " + user.getUnitCode() + " has no part in task "
                    + task.getCode());
        }
        boolean seesAll = office || mine.get().getRole().isLead();
        String onlyUnit = seesAll ? null : user.getUnitCode();

        List<UnitLine> units = task.getAssignments().stream()
                .map(a -> new UnitLine(a.getUnit().getCode(), a.getUnit().getName(), a.getRole())).toList();
        return new TaskDetail(task.getId(), task.getNumber(), task.getCode(), task.getTitle(), task.getBody(),
                task.getSection().getTitle(), plan.getTitle(), task.getStatus().name(), seesAll, units,
                progress(task), timeline(task, onlyUnit), diagram(task));
    }

    /** Per indicator: the sum over units of each unit's latest approved actual, against the target. */
    List<IndicatorProgress> progress(KeyTask task) {
        List<IndicatorActual> approved = em.createQuery("""
                select a from IndicatorActual a join fetch a.report r join fetch r.unit join fetch r.cycle
                where r.task.id = :taskId and r.status = org.duban.reporting.ReportStatus.APPROVED
                and a.actualValue is not null""", IndicatorActual.class)
                .setParameter("taskId", task.getId()).getResultList();
        Map<Long, Map<Long, IndicatorActual>> latest = new HashMap<>();
        for (IndicatorActual a : approved) {
            latest.computeIfAbsent(a.getIndicator().getId(), k -> new HashMap<>())
                    .merge(a.getReport().getUnit().getId(), a, (x, y) -> x.getReport().getCycle().getPeriodStart()
                            .isAfter(y.getReport().getCycle().getPeriodStart()) ? x : y);
        }
        List<IndicatorProgress> lines = new ArrayList<>();
        for (Indicator indicator : task.getIndicators()) {
            Map<Long, IndicatorActual> perUnit = latest.getOrDefault(indicator.getId(), Map.of());
            BigDecimal sum = perUnit.isEmpty() ? null : perUnit.values().stream()
                    .map(IndicatorActual::getActualValue).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
            Integer percent = sum == null || indicator.getTargetValue().signum() == 0 ? null
                    : sum.multiply(BigDecimal.valueOf(100))
                            .divide(indicator.getTargetValue(), 0, RoundingMode.HALF_UP).intValue();
            lines.add(new IndicatorProgress(indicator.getId(), indicator.getPhrase(),
                    indicator.getTargetValue().stripTrailingZeros(), indicator.getMeasureUnit(),
                    indicator.getComparator(), sum, percent, perUnit.size()));
        }
        return lines;
    }

    List<TimelineEntry> timeline(KeyTask task, String onlyUnit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (ReportSnapshot s : em.createQuery("""
                select s from ReportSnapshot s join fetch s.report r join fetch r.unit join fetch r.cycle
                where r.task.id = :taskId and (:unit is null or r.unit.code = :unit)""", ReportSnapshot.class)
                .setParameter("taskId", task.getId()).setParameter("unit", onlyUnit).getResultList()) {
            entries.add(new TimelineEntry(s.getSubmittedAt(), EntryKind.SUBMITTED, String.valueOf(s.getRevision()),
                    s.getReport().getUnit().getName(), s.getReport().getCycle().getPeriodCode(), s.getSubmittedBy(),
                    null));
        }
        for (ReviewDecision d : em.createQuery("""
                select d from ReviewDecision d join fetch d.report r join fetch r.unit join fetch r.cycle
                where r.task.id = :taskId and (:unit is null or r.unit.code = :unit)""", ReviewDecision.class)
                .setParameter("taskId", task.getId()).setParameter("unit", onlyUnit).getResultList()) {
            entries.add(new TimelineEntry(d.getDecidedAt(), EntryKind.DECISION,
                    d.getStage().name() + "." + d.getDecision().name(), d.getReport().getUnit().getName(),
                    d.getReport().getCycle().getPeriodCode(), d.getDecidedBy(), d.getReason()));
        }
        for (Escalation e : em.createQuery("""
                select e from Escalation e join fetch e.unit u left join fetch e.report r left join fetch r.unit ru
                left join fetch r.cycle
                where e.task.id = :taskId and (:unit is null or u.code = :unit or ru.code = :unit)""",
                Escalation.class)
                .setParameter("taskId", task.getId()).setParameter("unit", onlyUnit).getResultList()) {
            boolean urge = e.getStage() == Escalation.Stage.MANUAL || e.getLevel() == EscalationLevel.URGE;
            entries.add(new TimelineEntry(e.getOccurredAt(), urge ? EntryKind.URGE : EntryKind.ESCALATION,
                    e.getLevel().name(), e.getUnit().getName(),
                    e.getReport() == null ? null : e.getReport().getCycle().getPeriodCode(), e.getActor(),
                    e.getReason()));
        }
        if (onlyUnit == null) {
            for (HistoricTaskInstance step : history.createHistoricTaskInstanceQuery()
                    .processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION).processInstanceBusinessKey(task.getCode())
                    .finished().list()) {
                entries.add(new TimelineEntry(step.getEndTime().toInstant(), EntryKind.STEP,
                        step.getTaskDefinitionKey(), null, null, step.getAssignee(), step.getName()));
            }
            // what was entered in form fields an admin added in Modeler (kept by the generic task form)
            audit.trailOf("KeyTask", task.getCode()).stream()
                    .filter(e -> KeyTaskSteps.STEP_EXTRA_FIELDS.equals(e.getAction()))
                    .forEach(e -> entries.add(new TimelineEntry(e.getOccurredAt(), EntryKind.STEP, e.getAction(), null,
                            null, e.getActor(), e.getSummary() + "：" + e.getAfterState().replace("\n", "；"))));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    /** The task's supervision process, running or finished, with the activities active now. */
    Diagram diagram(KeyTask task) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION).processInstanceBusinessKey(task.getCode())
                .orderByProcessInstanceStartTime().desc().listPage(0, 1);
        if (instances.isEmpty()) {
            return null;
        }
        HistoricProcessInstance instance = instances.get(0);
        List<String> active = instance.getEndTime() == null ? runtime.getActiveActivityIds(instance.getId())
                : List.of();
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<String> names = active.stream().map(id -> {
            ModelElementInstance element = model.getModelElementById(id);
            String name = element == null ? null : element.getAttributeValue("name");
            return name == null || name.isBlank() ? id : name;
        }).toList();
        try (InputStream xml = repository.getProcessModel(instance.getProcessDefinitionId())) {
            return new Diagram(instance.getId(), new String(xml.readAllBytes(), StandardCharsets.UTF_8),
                    List.copyOf(active), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
