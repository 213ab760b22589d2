package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.catalog.AssignmentRole;
import org.duban.catalog.KeyTask;
import org.duban.catalog.TaskAssignment;
import org.duban.catalog.TaskStatus;
import org.duban.org.Unit;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportRows;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewService;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8's scenarios 1 and 2, each beside its floor: the same work done directly on the Camunda engine API, in the
 * same JVM, on the same database, in the same run. Runs only with {@code -Pbench} (tag "benchmark").
 *
 * <ol>
 *   <li>Opening a reporting cycle of the whole seed plan (every unit's report instance) through
 *   {@code CycleService.open}, against starting the same number of progress-report instances with
 *   {@code RuntimeService} for report rows that already exist.</li>
 *   <li>Submit + review pairs through {@code ReportService.submit} and {@code ReviewService.review}, against
 *   {@code TaskService.complete} of the same two user tasks with the same variables, with 1 and 2 threads.</li>
 * </ol>
 */
@Tag("benchmark")
abstract class BenchmarkContract extends WorkflowTestSupport {

    private static final int WARMUP_CYCLES = 1;
    private static final int MEASURED_CYCLES = 3;
    private static final int PAIRS_PER_RUN = 100;
    private static final int PAIRS_PER_BLOCK = 20;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    abstract String database();

    @Test
    void benchmark() throws Exception {
        setClock(LocalDateTime.of(2023, 6, 1, 10, 0));
        List<ReportingCycle> benchCycles = tx.execute(s -> {
            List<ReportingCycle> made = new ArrayList<>();
            for (int i = 0; i < 2 * (WARMUP_CYCLES + MEASURED_CYCLES); i++) {
                LocalDate start = LocalDate.of(2023, 7, 1);
                made.add(cycles.save(new ReportingCycle(seedPlan(), "B" + ProcessHandle.current().pid() + "-" + i,
                        start, start.plusMonths(3).minusDays(1), start, LocalDate.of(2023, 12, 29), false)));
            }
            return made;
        });
        List<String> lines = new ArrayList<>();
        lines.add("| run | Duban `CycleService.open` (s) | raw engine starts (s) | instances | Duban ms/instance"
                + " | raw ms/instance | ratio |");
        lines.add("|---|---|---|---|---|---|---|");
        double dubanTotal = 0;
        double rawTotal = 0;
        int instances = 0;
        for (int run = 0; run < WARMUP_CYCLES + MEASURED_CYCLES; run++) {
            ReportingCycle viaDuban = benchCycles.get(2 * run);
            ReportingCycle viaEngine = benchCycles.get(2 * run + 1);
            long t0 = System.nanoTime();
            int opened = cycleService.open(viaDuban.getId(), null, "bench");
            long duban = System.nanoTime() - t0;
            List<Long> rows = createReportRows(viaEngine);
            long t1 = System.nanoTime();
            startRaw(rows);
            long raw = System.nanoTime() - t1;
            assertThat(rows).hasSize(opened);
            boolean warm = run >= WARMUP_CYCLES;
            lines.add("| " + (warm ? run : run + " (warm-up)") + " | " + Measurements.fmt(duban / 1e9) + " | "
                    + Measurements.fmt(raw / 1e9) + " | " + opened + " | " + Measurements.fmt(duban / 1e6 / opened)
                    + " | " + Measurements.fmt(raw / 1e6 / opened) + " | " + Measurements.fmt((double) duban / raw)
                    + " |");
            if (warm) {
                dubanTotal += duban;
                rawTotal += raw;
                instances = opened;
            }
        }
        lines.add("");
        lines.add("Mean of " + MEASURED_CYCLES + " measured runs: Duban " + Measurements.fmt(dubanTotal / MEASURED_CYCLES
                / 1e9) + " s, raw engine " + Measurements.fmt(rawTotal / MEASURED_CYCLES / 1e9) + " s for "
                + instances + " instances; ratio " + Measurements.fmt(dubanTotal / rawTotal) + ".");
        Measurements.record(database(), "1. Open the seed plan's reporting cycle", lines);

        submitAndReview(benchCycles);
    }

    /** The report rows a cycle needs, written the way CycleService writes them, without starting anything. */
    private List<Long> createReportRows(ReportingCycle cycle) {
        return tx.execute(s -> {
            ReportingCycle attached = cycles.findById(cycle.getId()).orElseThrow();
            List<ProgressReport> made = new ArrayList<>();
            for (KeyTask task : keyTasks.findByPlanIdAndStatusOrderByNumber(attached.getPlan().getId(),
                    TaskStatus.ACTIVE)) {
                Unit lead = task.primaryLead().orElse(null);
                if (lead == null) {
                    continue;
                }
                for (TaskAssignment assignment : task.getAssignments()) {
                    if (assignment.getRole() != AssignmentRole.PRIMARY_LEAD) {
                        made.add(ReportRows.newReport(task, assignment.getUnit(), attached,
                                assignment.getReviewerUnit() != null ? assignment.getReviewerUnit() : lead));
                    }
                }
            }
            return reports.saveAll(made).stream().map(ProgressReport::getId).toList();
        });
    }

    /** The floor: the engine starts one progress-report instance per row, in one transaction like CycleService. */
    private void startRaw(List<Long> reportIds) {
        tx.executeWithoutResult(s -> reportIds.forEach(id -> runtimeService.createProcessInstanceByKey(
                ProcessKeys.PROGRESS_REPORT).businessKey("RAW-" + id)
                .setVariable(ProcessKeys.VAR_REPORT_ID, id).execute()));
    }

    private void submitAndReview(List<ReportingCycle> benchCycles) throws Exception {
        // reports of units without leader sign-off (city bureaus): fill → review, two user tasks
        // the cycles Duban opened carry Duban's report instances; those the engine started, the floor's
        List<ProgressReport> viaDuban = new ArrayList<>();
        List<ProgressReport> viaEngine = new ArrayList<>();
        for (int run = 0; run < WARMUP_CYCLES + MEASURED_CYCLES; run++) {
            viaDuban.addAll(bureauReports(benchCycles.get(2 * run).getId()));
            viaEngine.addAll(bureauReports(benchCycles.get(2 * run + 1).getId()));
        }
        assertThat(viaDuban.size()).as("bureau reports for the pairs").isGreaterThan(50 + 2 * PAIRS_PER_RUN);
        assertThat(viaEngine.size()).as("bureau reports for the pairs").isGreaterThan(50 + 2 * PAIRS_PER_RUN);
        List<String> lines = new ArrayList<>();
        lines.add("| threads | path | pairs | throughput (pairs/s) | p50 ms | p95 ms | p99 ms | mean ms |");
        lines.add("|---|---|---|---|---|---|---|---|");
        AtomicInteger nextDuban = new AtomicInteger();
        AtomicInteger nextRaw = new AtomicInteger();
        // warm-up: 50 pairs each way, not recorded
        runPairs(1, 50, viaDuban, nextDuban, true);
        runPairs(1, 50, viaEngine, nextRaw, false);
        double[] ratioAt = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            // the two paths take turns in blocks, so a drift in the machine's load hits both alike
            Result duban = Result.EMPTY;
            Result raw = Result.EMPTY;
            for (int block = 0; block < PAIRS_PER_RUN / PAIRS_PER_BLOCK; block++) {
                duban = duban.plus(runPairs(threads, PAIRS_PER_BLOCK, viaDuban, nextDuban, true));
                raw = raw.plus(runPairs(threads, PAIRS_PER_BLOCK, viaEngine, nextRaw, false));
            }
            lines.add(duban.line(threads, "Duban services"));
            lines.add(raw.line(threads, "raw `TaskService.complete`"));
            ratioAt[threads] = Measurements.meanMs(duban.latencies) / Measurements.meanMs(raw.latencies);
        }
        lines.add("");
        lines.add("Cost ratio Duban / raw engine (mean latency per pair): 1 thread " + Measurements.fmt(ratioAt[1])
                + ", 2 threads " + Measurements.fmt(ratioAt[2]) + ".");
        Measurements.record(database(), "2. Submit + review pairs", lines);
    }

    private List<ProgressReport> bureauReports(Long cycleId) {
        List<ProgressReport> found = new ArrayList<>(tx.execute(s -> reports.findByCycleId(cycleId).stream()
                .filter(r -> !r.getUnit().isLeaderSignoff()).peek(r -> {
                    r.getUnit().getCode();
                    r.getReviewerUnit().getCode();
                }).toList()));
        Collections.shuffle(found, new java.util.Random(42));
        return found;
    }

    private Result runPairs(int threads, int pairs, List<ProgressReport> pool, AtomicInteger next, boolean duban)
            throws Exception {
        long[] latencies = new long[pairs];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool2 = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool2.submit(() -> {
                int slot;
                while ((slot = done.getAndIncrement()) < pairs) {
                    ProgressReport report = pool.get(next.getAndIncrement());
                    long t0 = System.nanoTime();
                    if (duban) {
                        pairs().throughDuban(report);
                    } else {
                        pairs().onTheEngine(report);
                    }
                    latencies[slot] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        pool2.shutdown();
        return new Result(latencies, elapsed);
    }

    private BenchPairs pairs() {
        return new BenchPairs(reportService, reviewService, reports, taskService,
                reportValues("进展", 60, false, null));
    }


    private record Result(long[] latencies, long elapsedNanos) {
        static final Result EMPTY = new Result(new long[0], 0);

        Result plus(Result other) {
            long[] both = java.util.Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, both, latencies.length, other.latencies.length);
            return new Result(both, elapsedNanos + other.elapsedNanos);
        }

        String line(int threads, String path) {
            return "| " + threads + " | " + path + " | " + latencies.length + " | "
                    + Measurements.fmt(latencies.length / (elapsedNanos / 1e9)) + " | "
                    + Measurements.fmt(Measurements.percentileMs(latencies, 50)) + " | "
                    + Measurements.fmt(Measurements.percentileMs(latencies, 95)) + " | "
                    + Measurements.fmt(Measurements.percentileMs(latencies, 99)) + " | "
                    + Measurements.fmt(Measurements.meanMs(latencies)) + " |";
        }
    }
}
