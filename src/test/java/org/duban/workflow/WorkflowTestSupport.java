package org.duban.workflow;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.KeyTask;
import org.hibernate.Hibernate;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanRepository;
import org.duban.org.UnitRepository;
import org.duban.reporting.CycleService;
import org.duban.reporting.CycleStatus;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.support.Actors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole-application workflow tests on the seed plan: the services as the screens call them, the real processes, the
 * engine clock set to the 2023 calendar. Each test class works on its own tasks and units, since they share one
 * application context (and database).
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class WorkflowTestSupport {

    protected static final String DOC = "菏政办字〔2023〕13号";

    @Autowired protected CycleService cycleService;
    @Autowired protected ReportingCycleRepository cycles;
    @Autowired protected ProgressReportRepository reports;
    @Autowired protected KeyTaskRepository keyTasks;
    @Autowired protected PlanRepository plans;
    @Autowired protected UnitRepository units;
    @Autowired protected TaskService taskService;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;
    @Autowired protected TransactionTemplate tx;
    @Autowired private UserDetailsService userDetailsService;
    @Autowired private org.duban.notify.NotificationService notificationService;

    protected Actors actors;

    @BeforeEach
    void engineClockInJune2023() {
        actors = new Actors(userDetailsService);
        setClock(LocalDateTime.of(2023, 6, 1, 10, 0));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    protected static void setClock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZoneId.systemDefault()).toInstant()));
    }

    protected Plan seedPlan() {
        return plans.findByDocumentNumberAndYear(DOC, 2023).orElseThrow();
    }

    /** Opens the seed plan's cycle (once per application context) and returns it. */
    protected synchronized ReportingCycle openCycle(String periodCode) {
        ReportingCycle cycle = cycles.findByPlanIdAndPeriodCode(seedPlan().getId(), periodCode).orElseThrow();
        if (cycle.getStatus() == CycleStatus.SCHEDULED) {
            cycleService.open(cycle.getId(), null, "test");
        }
        return cycles.findById(cycle.getId()).orElseThrow();
    }

    protected KeyTask task(int number) {
        return tx.execute(s -> keyTasks.findByPlanAndNumber(seedPlan(), number).orElseThrow());
    }

    protected ProgressReport report(int taskNumber, String unitCode, String periodCode) {
        return reload(reports.findByBusinessKey("2023-T" + taskNumber + "-" + periodCode + "-" + unitCode)
                .orElseThrow());
    }

    /** Counts a user's unread notifications as that user (the service only answers for oneself). */
    protected long unread(String username) {
        return actors.as(username, () -> notificationService.unreadCount(username));
    }

    /** The report as stored now, with the units, task and cycle loaded (tests read them outside transactions). */
    protected ProgressReport reload(ProgressReport report) {
        return tx.execute(s -> {
            ProgressReport fresh = reports.findById(report.getId()).orElseThrow();
            Hibernate.initialize(fresh.getUnit());
            Hibernate.initialize(fresh.getReviewerUnit());
            Hibernate.initialize(fresh.getTask());
            Hibernate.initialize(fresh.getCycle());
            return fresh;
        });
    }

    /** The open engine task of this step in the report's process. */
    protected Task taskOf(ProgressReport report, String activityId) {
        return taskService.createTaskQuery().processInstanceId(reload(report).getProcessInstanceId())
                .taskDefinitionKey(activityId).singleResult();
    }

    protected Task keyTaskStep(KeyTask keyTask, String activityId) {
        List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(keyTask.getCode())
                .taskDefinitionKey(activityId).list();
        return found.size() == 1 ? found.get(0) : null;
    }

    /** Runs the asynchronous continuations (not timers) waiting in a process instance. */
    protected void runAsyncSteps(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages()
                .executable().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    protected static Map<String, Object> reportValues(String narrative, int percent, boolean coordination,
            String problems) {
        Map<String, Object> values = new HashMap<>();
        values.put("narrative", narrative);
        values.put("percentDone", percent);
        values.put("needsCoordination", coordination);
        if (problems != null) {
            values.put("problems", problems);
        }
        return values;
    }
}
