package org.duban.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.audit.AuditService;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.TaskAssignment;
import org.duban.catalog.TaskStatus;
import org.duban.notify.NotificationContent;
import org.duban.notify.NotificationKind;
import org.duban.notify.NotificationService;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.shared.NotFoundException;
import org.duban.workflow.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens reporting cycles: one progress report per reporting unit of every active task (co-leads and participants;
 * the primary lead consolidates instead), then the cycle's event in every task's process, which starts the reports'
 * process instances. All of it in one transaction: a cycle opens completely or not at all.
 */
@Service
public class CycleService {

    private static final Logger log = LoggerFactory.getLogger(CycleService.class);

    private final ReportingCycleRepository cycles;
    private final ProgressReportRepository reports;
    private final KeyTaskRepository tasks;
    private final RuntimeService runtime;
    private final AuditService audit;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CycleService(ReportingCycleRepository cycles, ProgressReportRepository reports, KeyTaskRepository tasks,
            RuntimeService runtime, AuditService audit, NotificationService notifications,
            ApplicationEventPublisher events, Clock clock) {
        this.cycles = cycles;
        this.reports = reports;
        this.tasks = tasks;
        this.runtime = runtime;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Opens every scheduled cycle of the plan whose opening day has come (the calendar timer's step). */
    @Transactional
    public int openDueCycles(Long planId) {
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        for (ReportingCycle cycle : cycles
                .findByPlanIdAndStatusAndOpensOnLessThanEqualAndDueOnGreaterThanEqualOrderByOpensOn(planId,
                        CycleStatus.SCHEDULED, today, today)) {
            opened += open(cycle.getId(), null, "system");
        }
        return opened;
    }

    @Transactional
    public int open(Long cycleId, LocalDate dueOverride, String actor) {
        ReportingCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new NotFoundException("No reporting cycle " + cycleId));
        cycle.open(clock.instant(), actor, dueOverride);

        List<KeyTask> activeTasks = tasks.findByPlanIdAndStatusOrderByNumber(cycle.getPlan().getId(),
                TaskStatus.ACTIVE);
        List<ProgressReport> created = new ArrayList<>();
        Map<Unit, Integer> reportsPerUnit = new LinkedHashMap<>();
        for (KeyTask task : activeTasks) {
            Unit primaryLead = task.primaryLead().orElse(null);
            if (primaryLead == null) {
                continue; // run by the supervision office: no unit reports
            }
            for (TaskAssignment assignment : task.getAssignments()) {
                if (assignment.getRole() == AssignmentRole.PRIMARY_LEAD) {
                    continue;
                }
                Unit reviewer = assignment.getReviewerUnit() != null ? assignment.getReviewerUnit() : primaryLead;
                ProgressReport report = new ProgressReport(task, assignment.getUnit(), cycle, reviewer,
                        cycle.getDueOn());
                report.addActualRowsFor(task.getIndicators());
                created.add(report);
                reportsPerUnit.merge(assignment.getUnit(), 1, Integer::sum);
            }
        }
        // notify and audit before the new reports join the persistence context: each recipient lookup is a query,
        // and Hibernate dirty-checks every managed entity before a query (1,065 reports and their indicator rows
        // made the cycle's ~30 lookups cost 14 % of opening it, docs/benchmarks.md)
        reportsPerUnit.forEach((unit, count) -> notifications.notifyGroup(NotificationKind.ASSIGNED,
                CandidateGroups.of(unit.getCode(), Role.CLERK),
                new NotificationContent(cycle.getPlan().getDocumentNumber(),
                        "本期共有 " + count + " 项任务需要填报进展", unit.getName(),
                        cycle.getPeriodCode(), null, cycle.getDueOn(), actor, "inbox")));
        audit.record(actor, "CYCLE_OPENED", "ReportingCycle", String.valueOf(cycle.getId()),
                cycle.getPlan().getDocumentNumber() + " " + cycle.getPeriodCode() + ": " + created.size()
                        + " reports for " + activeTasks.size() + " tasks, due " + cycle.getDueOn(),
                CycleStatus.SCHEDULED.name(), CycleStatus.OPEN.name());

        reports.saveAll(created);
        reports.flush();

        for (KeyTask task : activeTasks) {
            runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION)
                    .processInstanceBusinessKey(task.getCode()).variableValueEquals(ProcessKeys.VAR_TASK_ID,
                            task.getId())
                    .list()
                    .forEach(instance -> runtime.createMessageCorrelation(ProcessKeys.MESSAGE_CYCLE_OPENED)
                            .processInstanceId(instance.getId())
                            .setVariableToTriggeredScope(ProcessKeys.VAR_CYCLE_ID, cycle.getId())
                            .correlate());
        }
        events.publishEvent(new CycleOpenedEvent(cycle.getId(), cycle.getPeriodCode(), created.size()));
        log.info("Opened cycle {} of plan {}: {} reports", cycle.getPeriodCode(), cycle.getPlan().getId(),
                created.size());
        return created.size();
    }

    @Transactional(readOnly = true)
    public List<ReportingCycle> cyclesOf(Long planId) {
        return cycles.findByPlanIdOrderByPeriodStart(planId);
    }
}
