package org.duban.ledger.roundtrip;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportStatus;
import org.duban.security.DubanUserDetails;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.stereotype.Component;

/**
 * Which reports a clerk may fill in offline: their own unit's reports that are with the clerk (not started, draft or
 * returned), whose fill-in step is open and not taken by a colleague — the same rule as the report form's "editable".
 */
@Component
class OfflineReports {

    static final String FILL_REPORT = "fillReport";
    private static final List<ReportStatus> WITH_CLERK = List.of(ReportStatus.NOT_STARTED, ReportStatus.DRAFT,
            ReportStatus.RETURNED);

    private final EntityManager em;
    private final TaskService taskService;

    OfflineReports(EntityManager em, TaskService taskService) {
        this.em = em;
        this.taskService = taskService;
    }

    static void requireClerk(DubanUserDetails user) {
        if (!user.hasRole(Role.CLERK)) {
            throw new WorkflowAccessException("只有经办人可以离线填报 / only clerks may fill in reports offline");
        }
    }

    /** Cycles in which the user's unit has reports with the clerk, newest first. Call inside a transaction. */
    List<OfflineCycle> cycles(DubanUserDetails user) {
        List<Object[]> rows = em.createQuery("""
                select c.id, p.documentNumber, p.year, c.periodCode, c.dueOn, count(r)
                from ProgressReport r join r.cycle c join c.plan p
                where r.unit.code = :unit and r.status in :statuses
                group by c.id, p.documentNumber, p.year, c.periodCode, c.dueOn, c.periodStart
                order by c.periodStart desc, c.id desc""", Object[].class)
                .setParameter("unit", user.getUnitCode()).setParameter("statuses", WITH_CLERK).getResultList();
        return rows.stream().map(r -> new OfflineCycle((Long) r[0], (String) r[1], (Integer) r[2], (String) r[3],
                (java.time.LocalDate) r[4], ((Number) r[5]).intValue())).toList();
    }

    /** A report the clerk may fill in now, with its open fill-in step. */
    record OpenReport(ProgressReport report, String fillTaskId) {
    }

    /** The unit's reports of the cycle the user may fill in now, by task number. Call inside a transaction. */
    List<OpenReport> openReports(DubanUserDetails user, Long cycleId) {
        List<ProgressReport> candidates = em.createQuery("""
                select r from ProgressReport r join fetch r.task t join fetch r.unit u join fetch r.cycle c
                where c.id = :cycle and u.code = :unit and r.status in :statuses
                order by t.number, r.id""", ProgressReport.class)
                .setParameter("cycle", cycleId).setParameter("unit", user.getUnitCode())
                .setParameter("statuses", WITH_CLERK).getResultList();
        List<String> instances = candidates.stream().map(ProgressReport::getProcessInstanceId)
                .filter(java.util.Objects::nonNull).toList();
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, Task> fills = taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .taskDefinitionKey(FILL_REPORT).list().stream()
                .collect(Collectors.toMap(Task::getProcessInstanceId, Function.identity(), (a, b) -> a));
        return candidates.stream().filter(r -> mayFill(fills.get(r.getProcessInstanceId()), user))
                .map(r -> new OpenReport(r, fills.get(r.getProcessInstanceId()).getId())).toList();
    }

    static boolean mayFill(Task fill, DubanUserDetails user) {
        return fill != null && (fill.getAssignee() == null || fill.getAssignee().equals(user.getUsername()));
    }

    Optional<ProgressReport> find(Long reportId) {
        return Optional.ofNullable(em.find(ProgressReport.class, reportId));
    }

    /** The open fill-in step of the report, if any. */
    Optional<Task> fillTask(ProgressReport report) {
        if (report.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(report.getProcessInstanceId())
                .taskDefinitionKey(FILL_REPORT).singleResult());
    }
}
