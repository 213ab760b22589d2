package org.duban.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.DubanApplication;
import org.duban.catalog.PlanRepository;
import org.duban.org.Role;
import org.duban.reporting.CycleService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportingCycle;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.review.ReviewService;
import org.duban.review.ReviewService.ReviewOutcome;
import org.duban.support.Actors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Duban node of {@link TwoNodeClusterTest}: the real application in a JVM of its own, with its job executor on,
 * taking a few commands on standard input and answering on standard output, so the test can make it open a cycle or
 * do the clerks' and reviewers' work through the same services the screens use.
 *
 * <pre>
 * open 2023Q3            → OK opened 1065
 * work 2023Q3 0 100      → OK worked 100     (reports 0..99 of the cycle, by id: submit, sign-off, approve)
 * clock 2023-09-28T09:30 → OK clock ...      (the engine's and Duban's clock run on from that moment)
 * count select count(*) from act_ru_job → OK count 42  (a test's look at the database while the node holds it)
 * submit 2023Q3 100 120  → OK submitted 20  (reports 100..119: the clerk's submit only)
 * tasks 15               → OK tasks 15       (only key tasks 1..15 stay active, so a cycle opens for a part of the plan)
 * </pre>
 *
 * While working, each step's outcome is printed once its transaction has committed ({@code DONE 4711 AWAITING_REVIEW}),
 * so a test that kills the node knows what it must find afterwards. {@code --duban.node.clock=2023-09-26T09:30}
 * sets the clock before the application (and its job executor) starts.
 */
public final class ClusterNode {

    public static final String READY = "DUBAN-NODE READY port=";
    public static final String OK = "OK ";
    public static final String FAILED = "FAILED ";
    public static final String DONE = "DONE ";
    static final String CLOCK_ARG = "--duban.node.clock=";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.startsWith(CLOCK_ARG)) {
                setClock(arg.substring(CLOCK_ARG.length()));
            }
        }
        ConfigurableApplicationContext context = SpringApplication.run(DubanApplication.class, args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println(READY + port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                System.out.println(OK + execute(context, line.trim()));
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.out.println(FAILED + e);
            }
        }
        context.close();
    }

    private static String execute(ConfigurableApplicationContext context, String line) {
        if (line.startsWith("count ")) {
            // an embedded H2 file is locked by the node that opened it, so tests ask the node
            return "count " + context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject(line.substring("count ".length()), Long.class);
        }
        String[] command = line.split("\\s+");
        if (command[0].equals("clock")) {
            return setClock(command[1]);
        }
        if (command[0].equals("tasks")) {
            // the others closed (销号) before the cycle opens: it then opens reports for these tasks only
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update(
                    "update key_task set status = 'CLOSED' where task_no > ?", Integer.parseInt(command[1]));
            return "tasks " + context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select count(*) from key_task where status = 'ACTIVE'", Long.class);
        }
        ReportingCycle cycle = cycle(context, command[1]);
        return switch (command[0]) {
            case "open" -> "opened " + context.getBean(CycleService.class).open(cycle.getId(), null, "cluster-test");
            case "work" -> "worked " + work(context, cycle, Integer.parseInt(command[2]), Integer.parseInt(command[3]),
                    false);
            case "submit" -> "submitted " + work(context, cycle, Integer.parseInt(command[2]),
                    Integer.parseInt(command[3]), true);
            default -> throw new IllegalArgumentException("unknown command " + command[0]);
        };
    }

    /** A running clock set back to that moment: Duban's Clock and the engine's (timers, job locks) move on. */
    private static String setClock(String localDateTime) {
        long target = java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.systemDefault())
                .toInstant().toEpochMilli();
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(target - System.currentTimeMillis());
        return "clock " + org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant();
    }

    /** Printed after the service call returned, i.e. after its transaction committed. */
    private static void done(ProgressReport report, String status) {
        System.out.println(DONE + report.getId() + " " + status);
    }

    private static ReportingCycle cycle(ConfigurableApplicationContext context, String periodCode) {
        Long planId = context.getBean(PlanRepository.class).findAll().get(0).getId();
        return context.getBean(ReportingCycleRepository.class).findByPlanIdAndPeriodCode(planId, periodCode)
                .orElseThrow();
    }

    private static int work(ConfigurableApplicationContext context, ReportingCycle cycle, int from, int to,
            boolean submitOnly) {
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        List<ProgressReport> all = tx.execute(s -> context.getBean(ProgressReportRepository.class)
                .findByCycleId(cycle.getId()).stream().sorted(Comparator.comparing(ProgressReport::getId))
                .peek(r -> {
                    r.getUnit().isLeaderSignoff();
                    r.getReviewerUnit().getCode();
                }).toList());
        ReportService reports = context.getBean(ReportService.class);
        ReviewService reviews = context.getBean(ReviewService.class);
        TaskService tasks = context.getBean(TaskService.class);
        int worked = 0;
        for (ProgressReport report : all.subList(from, Math.min(to, all.size()))) {
            String unit = report.getUnit().getCode();
            String instance = report.getProcessInstanceId();
            Actors.as(Actors.of(unit, Role.CLERK), () -> reports.submit(task(tasks, instance, "fillReport").getId(),
                    Map.of("narrative", "集群测试进展", "percentDone", 50, "needsCoordination", false)));
            done(report, report.getUnit().isLeaderSignoff() ? "AWAITING_SIGNOFF" : "AWAITING_REVIEW");
            if (submitOnly) {
                worked++;
                continue;
            }
            if (report.getUnit().isLeaderSignoff()) {
                Actors.as(Actors.of(unit, Role.UNIT_LEADER), () -> reviews.signOff(
                        task(tasks, instance, "signOffReport").getId(), true, null));
                done(report, "AWAITING_REVIEW");
            }
            Actors.as(Actors.of(report.getReviewerUnit().getCode(), Role.REVIEWER), () -> reviews.review(
                    task(tasks, instance, "reviewReport").getId(), ReviewOutcome.APPROVE, null, Map.of()));
            done(report, "APPROVED");
            worked++;
        }
        return worked;
    }

    private static Task task(TaskService tasks, String processInstanceId, String activityId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no " + activityId + " in " + processInstanceId);
        }
        return task;
    }
}
