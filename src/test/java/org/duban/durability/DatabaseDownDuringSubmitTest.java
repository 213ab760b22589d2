package org.duban.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.security.DubanUserDetails;
import org.duban.shared.DatabaseUnavailableException;
import org.duban.support.Actors;
import org.duban.support.PostgresCondition;
import org.duban.support.PostgresTest;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away while a clerk submits (issue 7): the application reaches PostgreSQL through a TCP proxy of
 * the test's, which is cut after the clerk saved a draft. The submit fails at once with a message that says what
 * happened and that nothing was lost; the draft, the report's status and its engine task are as they were; once the
 * proxy is restored the same submit, on the same engine task, succeeds (the pool reconnects by itself).
 */
@PostgresTest
class DatabaseDownDuringSubmitTest extends WorkflowTestSupport {

    private static final String SCHEMA = "duban_dbdown_" + ProcessHandle.current().pid();
    private static final String USER = System.getProperty("duban.test.pg.user", "postgres");
    private static CuttableProxy proxy;

    @Autowired ReportService reportService;
    @Autowired AuditService audit;

    @DynamicPropertySource
    static void postgresThroughTheProxy(DynamicPropertyRegistry registry) throws IOException, SQLException {
        if (proxy == null) {
            proxy = new CuttableProxy(PostgresCondition.HOST, PostgresCondition.PORT);
            sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                + PostgresCondition.DATABASE + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        // a clerk waits seconds, not the pool's default 30 s, before hearing the database is gone
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
        registry.add("camunda.bpm.database.schema-name", () -> SCHEMA);
        registry.add("camunda.bpm.database.table-prefix", () -> SCHEMA + ".");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        // the schema is dropped at JVM exit, possibly before this context closes: no metrics flush into it then
        registry.add("camunda.bpm.metrics.enabled", () -> "false");
        registry.add("duban.demo.enabled", () -> "true");
        registry.add("duban.seed.enabled", () -> "true");
        registry.add("duban.seed.open-first-cycle-due-in-working-days", () -> "0");
    }

    @AfterAll
    static void restoreTheProxyAndDropTheSchema() throws SQLException {
        // the application context stays cached for later test classes: leave its database reachable
        proxy.restore();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException ignored) {
                // best effort; dropped by name on the next run of this pid
            }
        }));
    }

    @Test
    void submitWhileTheDatabaseIsDownFailsClearlyKeepsTheDraftAndSucceedsOnceItIsBack() {
        ReportingCycle cycle = openCycle("2023Q2");
        ProgressReport report = reload(tx.execute(s -> reports.findByCycleId(cycle.getId()).stream()
                .filter(r -> !r.getUnit().isLeaderSignoff())
                .min(Comparator.comparing(ProgressReport::getId)).orElseThrow()));
        DubanUserDetails clerk = Actors.of(report.getUnit().getCode(), Role.CLERK);
        Actors.as(clerk, () -> reportService.saveDraft(report.getId(), reportValues("草稿：已完成三成", 30, false,
                null)));
        String fillTask = taskOf(report, "fillReport").getId();

        proxy.cut();
        long before = System.nanoTime();
        Throwable submitFailure = catchThrowable(() -> Actors.as(clerk, () -> reportService.submit(fillTask,
                reportValues("正式报送：已完成六成", 60, false, null))));
        double submitSeconds = (System.nanoTime() - before) / 1e9;
        before = System.nanoTime();
        Throwable draftFailure = catchThrowable(() -> Actors.as(clerk, () -> reportService.saveDraft(report.getId(),
                reportValues("草稿：第二版", 40, false, null))));
        double draftSeconds = (System.nanoTime() - before) / 1e9;
        proxy.restore();

        assertThat(submitFailure).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("数据库暂时无法连接，本次操作未保存").hasMessageContaining("try again");
        assertThat(draftFailure).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(submitSeconds).as("seconds until the clerk hears of it").isLessThan(10);

        // nothing half-written: the saved draft, its status and the clerk's engine task as before the outage
        ProgressReport kept = reload(report);
        assertThat(kept.getStatus()).isEqualTo(ReportStatus.DRAFT);
        assertThat(kept.getNarrative()).isEqualTo("草稿：已完成三成");
        assertThat(kept.getPercentDone()).isEqualTo(30);
        assertThat(taskOf(report, "fillReport").getId()).isEqualTo(fillTask);
        assertThat(taskOf(report, "reviewReport")).isNull();
        assertThat(reportService.submissions(report.getId())).isEmpty();
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .containsExactly("DRAFT_SAVED");

        // the database is back: the very same submit goes through
        before = System.nanoTime();
        Actors.as(clerk, () -> reportService.submit(fillTask, reportValues("正式报送：已完成六成", 60, false, null)));
        double retrySeconds = (System.nanoTime() - before) / 1e9;
        ProgressReport submitted = reload(report);
        assertThat(submitted.getStatus()).isEqualTo(ReportStatus.AWAITING_REVIEW);
        assertThat(submitted.getNarrative()).isEqualTo("正式报送：已完成六成");
        assertThat(taskOf(report, "fillReport")).isNull();
        assertThat(taskOf(report, "reviewReport")).isNotNull();
        assertThat(reportService.submissions(report.getId())).hasSize(1);
        assertThat(audit.trailOf("ProgressReport", report.getBusinessKey())).extracting(AuditEvent::getAction)
                .containsExactly("DRAFT_SAVED", "REPORT_SUBMITTED");
        System.out.printf("[durability] database down: submit refused after %.2f s, draft save after %.2f s (%s);"
                + " after restore the same submit took %.2f s%n", submitSeconds, draftSeconds,
                submitFailure.getCause().getClass().getSimpleName(), retrySeconds);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PostgresCondition.HOST + ":"
                + PostgresCondition.PORT + "/" + PostgresCondition.DATABASE, USER, "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
