package org.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duban.support.PostgresCondition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's two-node test: two Duban JVMs on different ports share one PostgreSQL schema, as two nodes behind nginx
 * would. Node A opens the 2023Q3 cycle of the seed plan; node B submits and reviews reports; every escalation timer
 * is made due and both job executors race for it — each fires exactly once; then node A is killed with SIGKILL in the
 * middle of the work and node B carries on, and nothing is lost: every report worked is approved and its asynchronous
 * archiving step runs (node A's locks expire and node B takes the jobs over).
 */
@ExtendWith(PostgresCondition.class)
class TwoNodeClusterTest {

    private static final String SCHEMA = "duban_cluster_" + ProcessHandle.current().pid();
    private static final String BASE = "jdbc:postgresql://" + PostgresCondition.HOST + ":" + PostgresCondition.PORT
            + "/" + PostgresCondition.DATABASE;
    private static final String DUE = "timestamp '2023-09-28 09:00:00'";

    private final List<NodeProcess> nodes = new ArrayList<>();

    @Test
    void twoNodesShareTheWorkAndSurviveOneBeingKilled() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        NodeProcess a = start("a");
        NodeProcess b = start("b");
        assertThat(a.port).isNotEqualTo(b.port);

        int opened = Integer.parseInt(a.send("open 2023Q3", Duration.ofMinutes(8)).replace("opened ", ""));
        assertThat(opened).isEqualTo(1065);
        assertThat(count("select count(*) from progress_report where process_instance_id is not null"))
                .isEqualTo(opened);

        assertThat(b.send("work 2023Q3 0 40", Duration.ofMinutes(5))).isEqualTo("worked 40");

        // every deadline-check timer of the open reports due now: the two job executors race for them
        long timers = count("select count(*) from " + SCHEMA + ".act_ru_job where type_ = 'timer'"
                + " and process_def_key_ = 'progressReport'");
        assertThat(timers).isGreaterThan(900);
        // both nodes' clocks three working days after the cycle's due date (25 Sep 2023), the checks due at 9:00
        a.send("clock 2023-09-28T09:30:00", Duration.ofMinutes(1));
        b.send("clock 2023-09-28T09:30:00", Duration.ofMinutes(1));
        sql("update " + SCHEMA + ".act_ru_job set duedate_ = " + DUE
                + " where type_ = 'timer' and process_def_key_ = 'progressReport'");
        List<String> firedJobs = waitUntilFired();
        assertThat(firedJobs).hasSizeGreaterThanOrEqualTo((int) timers);
        // the history cleanup job is the engine's one ever-living job: inside its batch window (01:00-05:00 +0800,
        // i.e. 17:00-21:00 UTC) it runs, is rescheduled under the same id and logs success each time by design
        assertThat(count("select count(*) from (select job_id_ from " + SCHEMA + ".act_hi_job_log where job_state_ = 2"
                + " and job_def_type_ <> 'history-cleanup' group by job_id_ having count(*) > 1) twice"))
                .as("jobs that ran more than once").isZero();
        assertThat(count("select count(*) from escalation")).as("late reports escalated").isPositive();
        assertThat(count("select count(*) from (select report_id, esc_level from escalation group by report_id,"
                + " esc_level having count(*) > 1) dup")).as("escalations recorded twice").isZero();
        // which node runs which job is the executors' race (on a quiet machine one node may take them all)
        assertThat(count("select count(distinct hostname_) from " + SCHEMA + ".act_hi_job_log where job_state_ = 2"))
                .as("nodes that executed jobs").isBetween(1L, 2L);

        // node B works on; node A is killed in the middle
        b.sendAsync("work 2023Q3 40 140");
        Thread.sleep(5_000);
        a.kill();
        assertThat(b.await(Duration.ofMinutes(8))).isEqualTo("worked 100");

        Waiting.until(() -> count("select count(*) from " + SCHEMA + ".act_ru_job where type_ = 'message'"
                + " and process_def_key_ = 'progressReport'") == 0,
                Duration.ofMinutes(3), "node B to run every asynchronous step, node A's included");
        assertThat(count("select count(*) from progress_report where status = 'APPROVED'")).isEqualTo(140);
        assertThat(count("select count(*) from " + SCHEMA + ".act_hi_procinst where proc_def_key_ = 'progressReport'"
                + " and end_time_ is not null")).isEqualTo(140);
        assertThat(count("select count(*) from " + SCHEMA + ".act_ru_incident")).isZero();
    }

    @AfterEach
    void stopNodesAndDropSchema() throws Exception {
        for (NodeProcess node : nodes) {
            node.kill();
        }
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private List<String> waitUntilFired() throws Exception {
        Waiting.until(() -> count("select count(*) from " + SCHEMA + ".act_ru_job where type_ = 'timer'"
                + " and process_def_key_ = 'progressReport' and duedate_ <= " + DUE) == 0, Duration.ofMinutes(5),
                "the deadline checks to fire");
        List<String> ids = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select distinct job_id_ from " + SCHEMA + ".act_hi_job_log"
                        + " where job_state_ = 2 and process_def_key_ = 'progressReport'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private NodeProcess start(String name) throws Exception {
        NodeProcess node = NodeProcess.start(name, List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + BASE + "?currentSchema=" + SCHEMA,
                "--camunda.bpm.database.schema-name=" + SCHEMA,
                "--camunda.bpm.database.table-prefix=" + SCHEMA + ".",
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                "--camunda.bpm.generic-properties.properties.hostname=node-" + name,
                "--duban.demo.enabled=true", "--duban.seed.enabled=true",
                "--duban.seed.open-first-cycle-due-in-working-days=0"), Duration.ofMinutes(6));
        nodes.add(node);
        return node;
    }

    private static Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(BASE + "?currentSchema=" + SCHEMA,
                System.getProperty("duban.test.pg.user", "postgres"), "");
        return connection;
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE, System.getProperty("duban.test.pg.user", "postgres"),
                ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
