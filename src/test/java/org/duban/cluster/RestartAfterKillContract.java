package org.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durability (issue 7): node A opens the 2023Q3 seed cycle and works through its reports one step at a time, each
 * step announced only after its transaction committed; A is killed with SIGKILL in the middle. Looking at the
 * database it left: every announced step is there, nothing is half-written (a report's status, its engine task,
 * its submission snapshot and review decision agree), and every open report still has exactly one deadline timer.
 * Node B then starts on the same database with the clock past the fill-in due date: its job executor fires every
 * timer exactly once and each report at a deadline is escalated exactly once.
 */
abstract class RestartAfterKillContract {

    /** Opening day of the run: the timers of the opened reports are first due the next day at 9:00. */
    private static final String OPENED_AT = "2023-09-20T10:00:00";
    /** Node B's clock: the day after the fill-in due date (25 Sep 2023), two days before the review due date. */
    private static final String RESTARTED_AT = "2023-09-26T09:30:00";
    /** Where each timer's next occurrence lies once it has fired on B. */
    private static final String NEXT_DAY = "TIMESTAMP '2023-09-27 00:00:00'";
    private static final int KILL_AFTER_STEPS = 25;
    /** The cycle is opened for key tasks 1..15 only (about 180 reports): enough for every state, quick to fire. */
    private static final int TASKS = 15;

    private static final Map<String, List<String>> TASK_OF_STATUS = Map.of(
            "NOT_STARTED", List.of("fillReport"), "DRAFT", List.of("fillReport"), "RETURNED", List.of("fillReport"),
            "AWAITING_SIGNOFF", List.of("signOffReport"), "AWAITING_REVIEW", List.of("reviewReport"),
            "APPROVED", List.of());
    private static final Map<String, String> TIMER_OF_TASK = Map.of(
            "fillReport", "fillDeadlineCheck", "reviewReport", "reviewDeadlineCheck");
    private static final Map<String, String> STAGE_OF_TASK = Map.of("fillReport", "FILL", "reviewReport", "REVIEW");

    private final List<NodeProcess> nodes = new ArrayList<>();

    /** The application arguments that point a node at this database (profile, datasource, Camunda schema). */
    protected abstract List<String> databaseArguments();

    protected abstract void createDatabase() throws Exception;

    protected abstract void dropDatabase() throws Exception;

    /** A connection of the test's own, used only while no node holds the database. */
    protected abstract Connection connect() throws SQLException;

    protected abstract String label();

    @Test
    void aNodeKilledMidCycleLosesNothingAndTheNextNodeFiresEveryTimerOnce() throws Exception {
        createDatabase();
        long t0 = System.nanoTime();
        NodeProcess a = start("a", List.of());
        long started = System.nanoTime();
        a.send("clock " + OPENED_AT, Duration.ofMinutes(1));
        assertThat(a.send("tasks " + TASKS, Duration.ofMinutes(1))).isEqualTo("tasks " + TASKS);
        int opened = Integer.parseInt(a.send("open 2023Q3", Duration.ofMinutes(10)).replace("opened ", ""));
        assertThat(opened).isGreaterThan(100);
        long openedAt = System.nanoTime();

        // some reports only submitted (waiting for sign-off or review, with the review timer); then A works report
        // after report (submit, sign-off where required, approve) and is killed right after a step it announced,
        // while the next one is under way
        Map<Long, String> announced = new LinkedHashMap<>();
        assertThat(a.send("submit 2023Q3 100 130", Duration.ofMinutes(5))).isEqualTo("submitted 30");
        a.drainDone().forEach(line -> record(announced, line));
        a.sendAsync("work 2023Q3 0 100");
        for (int i = 0; i < KILL_AFTER_STEPS; i++) {
            record(announced, a.awaitDone(Duration.ofMinutes(3)));
        }
        a.kill();
        a.drainDone().forEach(line -> record(announced, line));
        long killedAt = System.nanoTime();
        assertThat(a.process.exitValue()).as("SIGKILL").isEqualTo(137);

        State crash;
        try (Connection c = connect()) {
            crash = State.read(c);
        }
        assertThat(crash.status).hasSize(opened);
        assertAnnouncedStepsKept(announced, crash);
        assertNothingHalfWritten(crash);
        assertEveryOpenReportHasOneTimer(crash);
        Map<String, Integer> byStatus = new TreeMap<>();
        crash.status.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
        System.out.println("[durability " + label() + "] killed after " + announced.size() + " reports announced, "
                + "statuses " + byStatus + ", timers " + crash.timers.values().stream().mapToInt(List::size).sum()
                + ", asynchronous steps left " + crash.messageJobs.size());

        // B starts on the same database, its clock past the fill-in due date: every timer is due at once
        NodeProcess b = start("b", List.of(ClusterNode.CLOCK_ARG + RESTARTED_AT));
        long restartedAt = System.nanoTime();
        Waiting.until(() -> b.count("select count(*) from act_ru_job where process_def_key_ = 'progressReport'"
                + " and ((type_ = 'timer' and duedate_ < " + NEXT_DAY + ") or type_ = 'message')") == 0,
                Duration.ofMinutes(10), "node B to fire every due timer and finish node A's asynchronous steps");
        long firedAt = System.nanoTime();
        b.stop(Duration.ofMinutes(1));

        State after;
        try (Connection c = connect()) {
            after = State.read(c);
        }
        assertThat(after.status).as("B did no clerk's or reviewer's work").isEqualTo(crash.status);
        assertThat(after.messageJobs).as("asynchronous steps left").isEmpty();
        assertThat(after.incidents).as("incidents").isZero();
        assertNothingHalfWritten(after);
        assertEveryOpenReportHasOneTimer(after);
        int escalated = assertEachTimerFiredOnceAndEscalatedOnce(crash, after);
        assertThat(escalated).as("reports escalated").isGreaterThan(opened / 2);

        System.out.printf("[durability %s] start A %.1f s, open %d reports %.1f s, work until kill %.1f s, "
                + "start B and fire %d timers %.1f s (of it start %.1f s), escalations %s; total %.1f s%n", label(),
                secs(t0, started), opened, secs(started, openedAt), secs(openedAt, killedAt),
                crash.timers.values().stream().mapToInt(List::size).sum(), secs(killedAt, firedAt),
                secs(killedAt, restartedAt), after.escalationLevels(), secs(t0, System.nanoTime()));
    }

    @AfterEach
    void killNodesAndDropDatabase() throws Exception {
        for (NodeProcess node : nodes) {
            node.kill();
        }
        dropDatabase();
    }

    private NodeProcess start(String name, List<String> extra) throws Exception {
        List<String> arguments = new ArrayList<>(databaseArguments());
        arguments.addAll(List.of("--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.generic-properties.properties.hostname=" + label() + "-" + name,
                "--duban.demo.enabled=true", "--duban.seed.enabled=true",
                "--duban.seed.open-first-cycle-due-in-working-days=0"));
        arguments.addAll(extra);
        NodeProcess node = NodeProcess.start("restart-" + label() + "-" + name, arguments, Duration.ofMinutes(10));
        nodes.add(node);
        return node;
    }

    private static void record(Map<Long, String> announced, String line) {
        String[] parts = line.split(" ");
        announced.put(Long.valueOf(parts[0]), parts[1]);
    }

    /**
     * Every announced step is in the database. The kill may have caught one more step after its commit and before
     * its announcement, so at most one report may be one step further than announced; no other report was touched.
     */
    private static void assertAnnouncedStepsKept(Map<Long, String> announced, State crash) {
        assertThat(announced).hasSizeGreaterThan(5);
        List<Long> ahead = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> step : announced.entrySet()) {
            String now = crash.status.get(step.getKey());
            String next = step.getValue().equals("AWAITING_SIGNOFF") ? "AWAITING_REVIEW" : "APPROVED";
            if (now.equals(next) && !now.equals(step.getValue())) {
                ahead.add(step.getKey());
            } else if (!now.equals(step.getValue())) {
                lost.add("report " + step.getKey() + " announced " + step.getValue() + ", found " + now);
            }
        }
        assertThat(lost).as("committed and announced steps missing after the kill (of %s reports announced)",
                announced.size()).isEmpty();
        crash.status.forEach((report, status) -> {
            if (!announced.containsKey(report) && !status.equals("NOT_STARTED")) {
                ahead.add(report);
            }
        });
        assertThat(ahead).as("reports whose last step committed but was not announced").hasSizeLessThanOrEqualTo(1);
        assertThat(announced.values()).as("announced approvals").contains("APPROVED");
    }

    /** Status, engine task, submission snapshot and review decision of every report agree. */
    private static void assertNothingHalfWritten(State state) {
        state.status.forEach((report, status) -> {
            String instance = state.instanceOf.get(report);
            assertThat(state.tasks.getOrDefault(instance, List.of())).as("tasks of report %s (%s)", report, status)
                    .isEqualTo(TASK_OF_STATUS.get(status));
            boolean submitted = status.startsWith("AWAITING") || status.equals("APPROVED");
            assertThat(state.snapshots.getOrDefault(report, 0)).as("submissions of report %s (%s)", report, status)
                    .isEqualTo(submitted ? 1 : 0);
            assertThat(state.approvals.getOrDefault(report, 0)).as("approvals of report %s (%s)", report, status)
                    .isEqualTo(status.equals("APPROVED") ? 1 : 0);
            if (status.equals("APPROVED")) {
                assertThat(state.ended.contains(instance) || state.messageJobs.contains(instance))
                        .as("approved report %s: its process ended or its archiving step waits", report).isTrue();
            } else {
                assertThat(state.ended).as("process of open report %s", report).doesNotContain(instance);
            }
        });
    }

    private static void assertEveryOpenReportHasOneTimer(State state) {
        state.status.forEach((report, status) -> {
            List<String> tasks = TASK_OF_STATUS.get(status);
            String instance = state.instanceOf.get(report);
            List<String> expected = tasks.isEmpty() || !TIMER_OF_TASK.containsKey(tasks.get(0)) ? List.of()
                    : List.of(TIMER_OF_TASK.get(tasks.get(0)));
            assertThat(state.timers.getOrDefault(instance, List.of())).as("timers of report %s (%s)", report, status)
                    .isEqualTo(expected);
        });
    }

    /** Each timer due at the restart fired once (job log), and each report at a deadline has one escalation. */
    private static int assertEachTimerFiredOnceAndEscalatedOnce(State crash, State after) {
        assertThat(crash.fired).as("timers fired before the restart").isEmpty();
        assertThat(crash.escalations).as("escalations before the restart").isEmpty();
        int late = 0;
        for (Map.Entry<Long, String> report : crash.status.entrySet()) {
            String instance = crash.instanceOf.get(report.getKey());
            List<String> timer = crash.timers.getOrDefault(instance, List.of());
            assertThat(after.fired.getOrDefault(instance, List.of())).as("timers fired for report %s", report)
                    .isEqualTo(timer);
            List<String> tasks = TASK_OF_STATUS.get(report.getValue());
            String stage = tasks.isEmpty() ? null : STAGE_OF_TASK.get(tasks.get(0));
            List<String> escalations = after.escalations.getOrDefault(report.getKey(), List.of());
            if (stage == null) {
                assertThat(escalations).as("escalations of report %s", report).isEmpty();
            } else {
                assertThat(escalations).as("escalations of report %s", report).hasSize(1);
                assertThat(escalations.get(0)).as("escalation of report %s", report).startsWith(stage + " ");
                late++;
            }
        }
        return late;
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    /** What the database holds about the cycle's reports and their process instances. */
    private static final class State {
        final Map<Long, String> status = new HashMap<>();
        final Map<Long, String> instanceOf = new HashMap<>();
        final Map<String, List<String>> tasks = new HashMap<>();
        final Map<String, List<String>> timers = new HashMap<>();
        final Set<String> messageJobs = new HashSet<>();
        final Set<String> ended = new HashSet<>();
        final Map<String, List<String>> fired = new HashMap<>();
        final Map<Long, Integer> snapshots = new HashMap<>();
        final Map<Long, Integer> approvals = new HashMap<>();
        final Map<Long, List<String>> escalations = new HashMap<>();
        long incidents;

        static State read(Connection c) throws SQLException {
            State s = new State();
            rows(c, "select id, status, process_instance_id from progress_report"
                    + " where process_instance_id is not null", r -> {
                        s.status.put(r.getLong(1), r.getString(2));
                        s.instanceOf.put(r.getLong(1), r.getString(3));
                    });
            rows(c, "select proc_inst_id_, task_def_key_ from act_ru_task",
                    r -> s.tasks.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2)));
            rows(c, "select j.process_instance_id_, d.act_id_ from act_ru_job j"
                    + " join act_ru_jobdef d on d.id_ = j.job_def_id_ where j.type_ = 'timer'",
                    r -> s.timers.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2)));
            rows(c, "select process_instance_id_ from act_ru_job where type_ = 'message'",
                    r -> s.messageJobs.add(r.getString(1)));
            rows(c, "select id_ from act_hi_procinst where end_time_ is not null", r -> s.ended.add(r.getString(1)));
            rows(c, "select process_instance_id_, act_id_ from act_hi_job_log"
                    + " where job_state_ = 2 and job_def_type_ = 'timer-transition'",
                    r -> s.fired.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2)));
            rows(c, "select report_id, count(*) from report_snapshot group by report_id",
                    r -> s.snapshots.put(r.getLong(1), r.getInt(2)));
            rows(c, "select report_id, count(*) from review_decision where stage = 'REVIEW'"
                    + " and decision = 'APPROVED' group by report_id", r -> s.approvals.put(r.getLong(1), r.getInt(2)));
            rows(c, "select report_id, stage, esc_level from escalation where report_id is not null",
                    r -> s.escalations.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(r.getString(2) + " " + r.getString(3)));
            rows(c, "select count(*) from act_ru_incident", r -> s.incidents = r.getLong(1));
            return s;
        }

        Map<String, Integer> escalationLevels() {
            Map<String, Integer> levels = new TreeMap<>();
            escalations.values().forEach(list -> list.forEach(e -> levels.merge(e, 1, Integer::sum)));
            return levels;
        }

        private interface Row {
            void accept(ResultSet r) throws SQLException;
        }

        private static void rows(Connection c, String query, Row row) throws SQLException {
            try (Statement statement = c.createStatement(); ResultSet r = statement.executeQuery(query)) {
                while (r.next()) {
                    row.accept(r);
                }
            }
        }
    }
}
