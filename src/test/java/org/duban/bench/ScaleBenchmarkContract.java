package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.TaskAssignment;
import org.duban.catalog.TaskStatus;
import org.duban.inbox.InboxCounts;
import org.duban.inbox.InboxFilter;
import org.duban.inbox.InboxService;
import org.duban.ledger.LedgerExcelExport;
import org.duban.ledger.LedgerFilter;
import org.duban.ledger.LedgerService;
import org.duban.org.Unit;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportRows;
import org.duban.reporting.ReportingCycle;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8's scenarios 3 to 5, each beside a baseline measured in the same run:
 *
 * <ol start="3">
 *   <li>The inbox's first page (count + 50 rows, as the grid asks) for one county clerk with 1k, 10k and 100k open
 *   tasks, against the same query on the engine's {@code TaskQuery} and through {@code POST /engine-rest/task}.
 *   The open tasks beyond the cycle's real ones are copies of a real report task (execution, task, candidate-group
 *   links, authorization rows) written with JDBC batches, so 100k tasks take seconds to make, not hours.</li>
 *   <li>The ledger of a plan year (12 monthly cycles of the seed plan's report rows): reading every row through
 *   {@code LedgerService} against a plain SQL select of the same rows, and the streamed .xlsx export with its peak
 *   heap above the idle baseline and the bytes it allocated.</li>
 *   <li>Heap per idle Vaadin session: N clerks sign in over HTTP and open the inbox; heap after GC, per session.</li>
 * </ol>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ScaleBenchmarkContract extends WorkflowTestSupport {

    private static final String UNIT = "YUNCHENG";
    private static final String CLERK = "yuncheng.clerk";
    private static final int PAGE = 50;
    private static final int WARMUP_CALLS = 10;
    /** Open-task levels of scenario 3; {@code -Dbench.inbox.levels=1000,10000} to stop earlier. */
    private static final int[] OPEN_TASK_LEVELS = java.util.Arrays.stream(System.getProperty("bench.inbox.levels",
            "1000,10000,100000").split(",")).mapToInt(l -> Integer.parseInt(l.trim())).toArray();
    /** Which of scenarios 3-5 run; {@code -Dbench.scenarios=3,5} to leave the ledger out. */
    private static final java.util.Set<String> SCENARIOS = java.util.Set.of(System.getProperty("bench.scenarios",
            "3,4,5").split(","));
    private static final int LEDGER_MONTHS = 12;
    private static final int[] SESSION_COUNTS = {20, 60};

    @Autowired InboxService inboxService;
    @Autowired LedgerService ledgerService;
    @Autowired LedgerExcelExport excelExport;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired UserDetailsService userDetails;
    @LocalServerPort int port;

    abstract String database();

    @Test
    void benchmark() throws Exception {
        setClock(LocalDateTime.of(2023, 6, 1, 10, 0));
        ReportingCycle cycle = tx.execute(s -> cycles.save(new ReportingCycle(seedPlan(),
                "S" + ProcessHandle.current().pid(), LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 30),
                LocalDate.of(2023, 7, 1), LocalDate.of(2023, 10, 10), false)));
        cycleService.open(cycle.getId(), null, "bench");

        if (SCENARIOS.contains("3")) {
            inboxFirstPage();
        }
        if (SCENARIOS.contains("4")) {
            ledgerOfAYear();
        }
        if (SCENARIOS.contains("5")) {
            heapPerSession();
        }
    }

    // ---- 3. inbox first page ------------------------------------------------------------------------------------

    private void inboxFirstPage() throws Exception {
        DubanUserDetails clerk = (DubanUserDetails) userDetails.loadUserByUsername(CLERK);
        List<String> groups = clerk.candidateGroups();
        Task template = taskService.createTaskQuery().taskCandidateGroupIn(groups).taskDefinitionKey("fillReport")
                .active().listPage(0, 1).get(0);
        List<String> lines = new ArrayList<>();
        lines.add("| open tasks | path | calls | p50 ms | p95 ms | mean ms | rows on page |");
        lines.add("|---|---|---|---|---|---|---|");
        List<String> ratios = new ArrayList<>();
        for (int level : OPEN_TASK_LEVELS) {
            long open = rawQuery(clerk, groups).count();
            if (open < level) {
                long t0 = System.nanoTime();
                copyTask(template, (int) (level - open));
                System.out.printf("made %d open tasks in %.1f s%n", level - open, (System.nanoTime() - t0) / 1e9);
            }
            open = rawQuery(clerk, groups).count();
            assertThat(open).isGreaterThanOrEqualTo(level);
            // analyse after bulk loads, as autovacuum would on a server that grew this way
            analyse();
            // fewer calls at 100k, where one count on H2 takes seconds
            int measured = level >= 100_000 ? 20 : 40;
            long[] duban = new long[measured];
            long[] exact = new long[measured];
            long[] raw = new long[measured];
            long[] rest = new long[measured];
            int[] rows = new int[4];
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"orQueries\":[{\"assignee\":\"" + CLERK + "\",\"candidateGroups\":"
                    + groups.stream().map(g -> "\"" + g + "\"").toList() + "}],\"active\":true,"
                    + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},"
                    + "{\"sortBy\":\"created\",\"sortOrder\":\"desc\"},{\"sortBy\":\"id\",\"sortOrder\":\"asc\"}]}";
            for (int i = 0; i < WARMUP_CALLS + measured; i++) {
                int slot = i - WARMUP_CALLS;
                // the three paths take turns, so drift in the machine's load hits all three alike
                // what the inbox screen asks: the count up to the navigation's limit, and the first page
                long d = time(() -> Actors.as(clerk, () -> {
                    inboxService.countUpTo(InboxFilter.all(), InboxCounts.LIMIT);
                    return inboxService.page(InboxFilter.all(), null, 0, PAGE);
                }), rows, 0);
                // the same with the exact count, for the comparison with the engine's exact count
                long x = time(() -> Actors.as(clerk, () -> {
                    inboxService.count(InboxFilter.all());
                    return inboxService.page(InboxFilter.all(), null, 0, PAGE);
                }), rows, 3);
                long r = time(() -> {
                    rawQuery(clerk, groups).count();
                    return rawQuery(clerk, groups).orderByDueDate().asc().orderByTaskCreateTime().desc()
                            .orderByTaskId().asc().listPage(0, PAGE);
                }, rows, 1);
                long h = time(() -> restFirstPage(http, body), rows, 2);
                if (slot >= 0) {
                    duban[slot] = d;
                    exact[slot] = x;
                    raw[slot] = r;
                    rest[slot] = h;
                }
            }
            assertThat(rows).containsOnly(PAGE);
            lines.add(line(open, "Duban `InboxService` count up to " + InboxCounts.LIMIT + " + page (the screen)",
                    duban, rows[0]));
            lines.add(line(open, "Duban `InboxService` exact count + page", exact, rows[3]));
            lines.add(line(open, "engine `TaskQuery` count + page", raw, rows[1]));
            lines.add(line(open, "`POST /engine-rest/task` count + page (HTTP)", rest, rows[2]));
            ratios.add(open + " open tasks: Duban p95 / engine p95 " + Measurements.fmt(
                    Measurements.percentileMs(duban, 95) / Measurements.percentileMs(raw, 95))
                    + ", Duban p95 / REST p95 " + Measurements.fmt(Measurements.percentileMs(duban, 95)
                    / Measurements.percentileMs(rest, 95)) + "; with the exact count: / engine "
                    + Measurements.fmt(Measurements.percentileMs(exact, 95) / Measurements.percentileMs(raw, 95))
                    + ", / REST " + Measurements.fmt(Measurements.percentileMs(exact, 95)
                    / Measurements.percentileMs(rest, 95)));
            // each level printed as soon as it is measured: the 100k level can take long on H2
            System.out.println(String.join("\n", lines.subList(lines.size() - 4, lines.size())));
        }
        lines.add("");
        ratios.forEach(r -> lines.add("- " + r));
        Measurements.record(database(), "3. Inbox first page of " + CLERK, lines);
    }

    private TaskQuery rawQuery(DubanUserDetails clerk, List<String> groups) {
        return taskService.createTaskQuery().active().or().taskAssignee(clerk.getUsername())
                .taskCandidateGroupIn(groups).endOr();
    }

    private List<?> restFirstPage(HttpClient http, String body) {
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/engine-rest/task/count")).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/engine-rest/task?firstResult=0&maxResults=" + PAGE))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            // one JSON object per task: count the task ids
            int tasks = page.body().split("\"id\":", -1).length - 1;
            return java.util.Collections.nCopies(tasks, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies a real open report task {@code copies} times: a process-instance execution (same definition and business
     * key, so the inbox completes the row exactly as for the original), the task with due dates spread over 90 days,
     * its candidate-group links and its authorization rows.
     */
    private void copyTask(Task template, int copies) {
        String p = engineConfiguration.getDatabaseTablePrefix();
        Map<String, Object> execution = jdbc.queryForMap("select * from " + p + "ACT_RU_EXECUTION where ID_ = ?",
                template.getProcessInstanceId());
        Map<String, Object> task = jdbc.queryForMap("select * from " + p + "ACT_RU_TASK where ID_ = ?",
                template.getId());
        List<Map<String, Object>> links = jdbc.queryForList(
                "select * from " + p + "ACT_RU_IDENTITYLINK where TASK_ID_ = ?", template.getId());
        List<Map<String, Object>> grants = jdbc.queryForList(
                "select * from " + p + "ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?", template.getId());
        Timestamp due = (Timestamp) task.get("DUE_DATE_");
        long dueMillis = due == null ? System.currentTimeMillis() : due.getTime();
        int batch = 2_000;
        for (int from = 0; from < copies; from += batch) {
            int size = Math.min(batch, copies - from);
            List<Map<String, Object>> executions = new ArrayList<>();
            List<Map<String, Object>> tasks = new ArrayList<>();
            List<Map<String, Object>> linkRows = new ArrayList<>();
            List<Map<String, Object>> grantRows = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String instance = UUID.randomUUID().toString();
                String taskId = UUID.randomUUID().toString();
                Map<String, Object> e = copyOf(execution);
                e.put("ID_", instance);
                e.put("PROC_INST_ID_", instance);
                e.put("ROOT_PROC_INST_ID_", instance);
                e.put("PARENT_ID_", null);
                e.put("SUPER_EXEC_", null);
                executions.add(e);
                Map<String, Object> t = copyOf(task);
                t.put("ID_", taskId);
                t.put("EXECUTION_ID_", instance);
                t.put("PROC_INST_ID_", instance);
                t.put("DUE_DATE_", new Timestamp(dueMillis + ((from + i) % 90) * 86_400_000L));
                tasks.add(t);
                for (Map<String, Object> link : links) {
                    Map<String, Object> l = copyOf(link);
                    l.put("ID_", UUID.randomUUID().toString());
                    l.put("TASK_ID_", taskId);
                    linkRows.add(l);
                }
                for (Map<String, Object> grant : grants) {
                    Map<String, Object> g = copyOf(grant);
                    g.put("ID_", UUID.randomUUID().toString());
                    g.put("RESOURCE_ID_", taskId);
                    grantRows.add(g);
                }
            }
            tx.executeWithoutResult(s -> {
                insert(p + "ACT_RU_EXECUTION", executions);
                insert(p + "ACT_RU_TASK", tasks);
                insert(p + "ACT_RU_IDENTITYLINK", linkRows);
                insert(p + "ACT_RU_AUTHORIZATION", grantRows);
            });
        }
    }

    /** A row to change: column names as the database reported them (PostgreSQL lower case), matched ignoring case. */
    private static Map<String, Object> copyOf(Map<String, Object> row) {
        Map<String, Object> copy = new org.springframework.util.LinkedCaseInsensitiveMap<>();
        copy.putAll(row);
        return copy;
    }

    private void insert(String table, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        jdbc.batchUpdate(sql, rows.stream().map(r -> columns.stream().map(r::get).toArray()).toList());
    }

    private void analyse() {
        if (database().startsWith("PostgreSQL")) {
            jdbc.execute("analyze");
        }
    }

    private static long time(Supplier<List<?>> call, int[] rows, int path) {
        long t0 = System.nanoTime();
        List<?> page = call.get();
        long elapsed = System.nanoTime() - t0;
        rows[path] = page.size();
        return elapsed;
    }

    private static String line(long open, String path, long[] nanos, int rows) {
        return "| " + open + " | " + path + " | " + nanos.length + " | "
                + Measurements.fmt(Measurements.percentileMs(nanos, 50)) + " | "
                + Measurements.fmt(Measurements.percentileMs(nanos, 95)) + " | "
                + Measurements.fmt(Measurements.meanMs(nanos)) + " | " + rows + " |";
    }

    // ---- 4. ledger of a plan year ------------------------------------------------------------------------------

    private void ledgerOfAYear() throws Exception {
        String prefix = "L" + ProcessHandle.current().pid() + "-";
        for (int month = 1; month <= LEDGER_MONTHS; month++) {
            LocalDate start = LocalDate.of(2023, month, 1);
            String code = prefix + month;
            tx.executeWithoutResult(s -> {
                ReportingCycle monthly = cycles.save(new ReportingCycle(seedPlan(), code, start,
                        start.plusMonths(1).minusDays(1), start, start.plusMonths(1).plusDays(9), false));
                List<ProgressReport> made = new ArrayList<>();
                for (KeyTask task : keyTasks.findByPlanIdAndStatusOrderByNumber(seedPlan().getId(),
                        TaskStatus.ACTIVE)) {
                    Unit lead = task.primaryLead().orElse(null);
                    if (lead == null) {
                        continue;
                    }
                    for (TaskAssignment assignment : task.getAssignments()) {
                        if (assignment.getRole() != AssignmentRole.PRIMARY_LEAD) {
                            made.add(ReportRows.newReport(task, assignment.getUnit(), monthly,
                                    assignment.getReviewerUnit() != null ? assignment.getReviewerUnit() : lead));
                        }
                    }
                }
                reports.saveAll(made);
            });
        }
        analyse();
        LedgerFilter all = LedgerFilter.all();
        long rowCount = actors.as("supervisor", () -> ledgerService.count(all));
        List<String> lines = new ArrayList<>();
        lines.add("| run | ledger rows | Duban `LedgerService` every row (s) | plain SQL select (s) | ratio"
                + " | .xlsx export (s) | .xlsx size (MB) | export peak heap above idle (MB) | export allocated (MB) |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        String sql = "select r.id, r.status, r.due_on, r.return_count, r.narrative, r.percent_done, t.code, t.title,"
                + " u.name, v.name, c.period_code"
                + " from progress_report r join key_task t on t.id = r.task_id join org_unit u on u.id = r.unit_id"
                + " join org_unit v on v.id = r.reviewer_unit_id"
                + " join reporting_cycle c on c.id = r.cycle_id order by c.period_start, t.task_no, u.id";
        for (int run = 0; run < 4; run++) {
            AtomicLong seen = new AtomicLong();
            long t0 = System.nanoTime();
            actors.as("supervisor", () -> ledgerService.forEachChunk(all, 500, chunk -> seen.addAndGet(chunk.size())));
            long duban = System.nanoTime() - t0;
            assertThat(seen.get()).isEqualTo(rowCount);
            AtomicLong plain = new AtomicLong();
            long t1 = System.nanoTime();
            jdbc.query(sql, rs -> {
                plain.incrementAndGet();
            });
            long raw = System.nanoTime() - t1;
            assertThat(plain.get()).isEqualTo(rowCount);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long idle = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(idle);
            AtomicBoolean exporting = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (exporting.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                    .getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            CountingStream out = new CountingStream();
            long t2 = System.nanoTime();
            actors.as("supervisor", () -> {
                try {
                    excelExport.write(all, "台账", Locale.SIMPLIFIED_CHINESE, out);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long export = System.nanoTime() - t2;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            exporting.set(false);
            sampler.join();
            assertThat(out.bytes).isGreaterThan(rowCount * 20);
            lines.add("| " + (run == 0 ? "warm-up" : run) + " | " + rowCount + " | "
                    + Measurements.fmt(duban / 1e9) + " | " + Measurements.fmt(raw / 1e9) + " | "
                    + Measurements.fmt((double) duban / raw) + " | " + Measurements.fmt(export / 1e9) + " | "
                    + Measurements.fmt(out.bytes / 1e6) + " | " + Measurements.fmt((peak.get() - idle) / 1e6)
                    + " | " + Measurements.fmt(allocated / 1e6) + " |");
        }
        lines.add("");
        lines.add("Heap: -Xmx " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB. Rows: every report row in the"
                + " database (" + LEDGER_MONTHS + " monthly cycles of the seed plan plus the cycles the other"
                + " scenarios opened).");
        Measurements.record(database(), "4. Ledger of a plan year", lines);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    // ---- 5. heap per idle Vaadin session -----------------------------------------------------------------------

    private void heapPerSession() throws Exception {
        // one session first, so classes and caches every session shares are loaded before the baseline
        RenderedViews.signIn(port, CLERK).render("inbox");
        List<String> lines = new ArrayList<>();
        lines.add("| sessions | heap after GC before (MB) | after (MB) | per session (KB) |");
        lines.add("|---|---|---|---|");
        long previousSessions = 0;
        long previousHeap = 0;
        List<String> slopes = new ArrayList<>();
        for (int sessions : SESSION_COUNTS) {
            long before = settledHeap();
            for (int i = 0; i < sessions; i++) {
                String body = RenderedViews.signIn(port, CLERK).render("inbox");
                assertThat(body).contains("vaadin-grid");
            }
            long after = settledHeap();
            lines.add("| " + sessions + " | " + Measurements.fmt(before / 1e6) + " | "
                    + Measurements.fmt(after / 1e6) + " | " + Measurements.fmt((after - before) / 1024.0 / sessions)
                    + " |");
            previousSessions += sessions;
            previousHeap += after - before;
        }
        slopes.add("Across all " + previousSessions + " sessions: " + Measurements.fmt(previousHeap / 1024.0
                / previousSessions) + " KB of heap per idle session (signed in, inbox open; the HTTP clients that"
                + " opened them are unreachable and collected, so this is the server's share).");
        lines.add("");
        lines.addAll(slopes);
        Measurements.record(database(), "5. Heap per idle Vaadin session", lines);
    }

    /** Used heap after GC has had its say: several collections, until two readings agree within 1 MB. */
    private static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 1_000_000) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
