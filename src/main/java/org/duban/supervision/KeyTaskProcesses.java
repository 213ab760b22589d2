package org.duban.supervision;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskAddedEvent;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.KeyTaskWithdrawnEvent;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanImportedEvent;
import org.duban.catalog.PlanRepository;
import org.duban.catalog.TaskStatus;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.reporting.ReportingCalendarService;
import org.duban.workflow.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts an imported plan to work, in the import's own transaction: its reporting cycles, one key-task supervision
 * process per task (business key = the task code), and the plan's reporting-calendar process.
 */
@Component
public class KeyTaskProcesses {

    private static final Logger log = LoggerFactory.getLogger(KeyTaskProcesses.class);

    private final PlanRepository plans;
    private final KeyTaskRepository tasks;
    private final ReportingCalendarService calendar;
    private final RuntimeService runtime;

    public KeyTaskProcesses(PlanRepository plans, KeyTaskRepository tasks, ReportingCalendarService calendar,
            RuntimeService runtime) {
        this.plans = plans;
        this.tasks = tasks;
        this.calendar = calendar;
        this.runtime = runtime;
    }

    @EventListener
    public void onPlanImported(PlanImportedEvent event) {
        Plan plan = plans.findById(event.planId()).orElseThrow();
        calendar.schedule(plan);
        int started = 0;
        for (KeyTask task : tasks.findByPlanIdAndStatusOrderByNumber(plan.getId(), TaskStatus.ACTIVE)) {
            start(task);
            started++;
        }
        runtime.startProcessInstanceByKey(ProcessKeys.REPORTING_CALENDAR, plan.getYear() + "-CAL-" + plan.getId(),
                Map.of(ProcessKeys.VAR_PLAN_ID, plan.getId()));
        log.info("Plan {}: {} key-task processes started", plan.getDocumentNumber(), started);
    }

    /** A task added by an accepted re-import gets its supervision process like the plan's other tasks. */
    @EventListener
    public void onTaskAdded(KeyTaskAddedEvent event) {
        start(tasks.findById(event.taskId()).orElseThrow());
    }

    /** A task the new version of its plan dropped stops asking for work; the task and its history stay. */
    @EventListener
    public void onTaskWithdrawn(KeyTaskWithdrawnEvent event) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.KEY_TASK_SUPERVISION)
                .processInstanceBusinessKey(event.code()).variableValueEquals(ProcessKeys.VAR_TASK_ID, event.taskId())
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(),
                        "withdrawn by a re-import of its plan"));
    }

    void start(KeyTask task) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessKeys.VAR_TASK_ID, task.getId());
        variables.put(ProcessKeys.VAR_LEAD_GROUP, leadGroupOf(task));
        variables.put(ProcessKeys.VAR_RUN_BY_OFFICE, task.isRunBySupervisionOffice());
        variables.put(ProcessKeys.VAR_CLOSURE_INVITED, false);
        runtime.startProcessInstanceByKey(ProcessKeys.KEY_TASK_SUPERVISION, task.getCode(), variables);
    }

    /**
     * Who works the lead's steps (accept, work plan, cycle report, closure application): the primary lead unit's
     * clerks, who fill in its forms (DESIGN §2), and its reviewers; a comma list, which the engine splits into
     * candidate groups. The supervision office runs tasks without units.
     */
    static String leadGroupOf(KeyTask task) {
        return task.primaryLead().map(unit -> CandidateGroups.of(unit.getCode(), Role.CLERK) + ","
                        + CandidateGroups.of(unit.getCode(), Role.REVIEWER))
                .orElse(CandidateGroups.of(Role.SUPERVISOR));
    }
}
