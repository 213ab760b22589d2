package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportingCycle;
import org.duban.review.ReviewService;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Where a submit + review pair's time goes, counted rather than timed (so a loaded machine cannot blur it): the SQL
 * statements Duban's pair executes, by statement, beside the raw engine's pair. Camunda's MyBatis mappers log one
 * {@code ==> Parameters:} line per execution at DEBUG under the statement's id; Hibernate logs each statement under
 * {@code org.hibernate.SQL}.
 */
@Tag("benchmark")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:duban-count;DB_CLOSE_DELAY=-1")
class StatementCountBenchmark extends WorkflowTestSupport {

    private static final int PAIRS = 5;

    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;

    @Test
    void statementsPerPair() {
        setClock(LocalDateTime.of(2023, 6, 1, 10, 0));
        ReportingCycle cycle = tx.execute(s -> cycles.save(new ReportingCycle(seedPlan(),
                "C" + ProcessHandle.current().pid(), LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 30),
                LocalDate.of(2023, 7, 1), LocalDate.of(2023, 10, 10), false)));
        cycleService.open(cycle.getId(), null, "bench");
        List<ProgressReport> bureaus = tx.execute(s -> reports.findByCycleId(cycle.getId()).stream()
                .filter(r -> !r.getUnit().isLeaderSignoff()).peek(r -> {
                    r.getUnit().getCode();
                    r.getReviewerUnit().getCode();
                }).toList());
        assertThat(bureaus.size()).isGreaterThan(2 * (PAIRS + 1));
        // one of each first: caches and lazy initialisation are not what a pair costs
        pairs().throughDuban(bureaus.get(0));
        pairs().onTheEngine(bureaus.get(1));
        Counter duban = new Counter();
        Counter raw = new Counter();
        for (int i = 1; i <= PAIRS; i++) {
            ProgressReport viaDuban = bureaus.get(2 * i);
            ProgressReport viaEngine = bureaus.get(2 * i + 1);
            duban.during(() -> pairs().throughDuban(viaDuban));
            raw.during(() -> pairs().onTheEngine(viaEngine));
        }
        Map<String, Double> dubanPerPair = duban.perPair(PAIRS);
        Map<String, Double> rawPerPair = raw.perPair(PAIRS);
        double dubanTotal = dubanPerPair.values().stream().mapToDouble(Double::doubleValue).sum();
        double rawTotal = rawPerPair.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(rawTotal).isPositive();
        assertThat(dubanTotal).isGreaterThanOrEqualTo(rawTotal);

        List<String> lines = new ArrayList<>();
        lines.add("| statement | Duban per pair | raw engine per pair |");
        lines.add("|---|---|---|");
        Map<String, Double> all = new TreeMap<>();
        dubanPerPair.keySet().forEach(k -> all.put(k, 0.0));
        rawPerPair.keySet().forEach(k -> all.put(k, 0.0));
        all.keySet().stream()
                .sorted((a, b) -> Double.compare(dubanPerPair.getOrDefault(b, 0.0) - rawPerPair.getOrDefault(b, 0.0),
                        dubanPerPair.getOrDefault(a, 0.0) - rawPerPair.getOrDefault(a, 0.0)))
                .forEach(k -> lines.add("| `" + k + "` | " + Measurements.fmt(dubanPerPair.getOrDefault(k, 0.0))
                        + " | " + Measurements.fmt(rawPerPair.getOrDefault(k, 0.0)) + " |"));
        lines.add("| **total** | **" + Measurements.fmt(dubanTotal) + "** | **" + Measurements.fmt(rawTotal)
                + "** |");
        lines.add("");
        lines.add("Statements per submit + review pair: Duban " + Measurements.fmt(dubanTotal) + ", raw engine "
                + Measurements.fmt(rawTotal) + " (ratio " + Measurements.fmt(dubanTotal / rawTotal) + "), mean of "
                + PAIRS + " pairs each.");
        Measurements.record("H2 (in memory)", "2b. SQL statements per submit + review pair", lines);
    }

    private BenchPairs pairs() {
        return new BenchPairs(reportService, reviewService, reports, taskService,
                reportValues("进展", 60, false, null));
    }


    /** Counts statements by id while a step runs; the lookups of the step's own tasks are counted for both paths. */
    private static final class Counter {

        private static final List<String> LOGGERS = List.of("org.camunda.bpm.engine.impl", "org.hibernate.SQL");
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void during(Runnable step) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
                @Override
                protected void append(ILoggingEvent event) {
                    String message = event.getFormattedMessage();
                    String key;
                    if (event.getLoggerName().equals("org.hibernate.SQL")) {
                        key = "jpa: " + firstWords(message);
                    } else if (message.startsWith("==> Parameters:") || message.startsWith("==>  Parameters:")) {
                        key = event.getLoggerName().replace("org.camunda.bpm.engine.impl.persistence.entity.", "")
                                .replace("org.camunda.bpm.engine.impl.", "");
                    } else {
                        return;
                    }
                    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
            };
            appender.setContext(context);
            appender.start();
            List<Level> before = new ArrayList<>();
            for (String name : LOGGERS) {
                Logger logger = context.getLogger(name);
                before.add(logger.getLevel());
                logger.setLevel(Level.DEBUG);
                logger.addAppender(appender);
            }
            try {
                step.run();
            } finally {
                for (int i = 0; i < LOGGERS.size(); i++) {
                    Logger logger = context.getLogger(LOGGERS.get(i));
                    logger.detachAppender(appender);
                    logger.setLevel(before.get(i));
                }
                appender.stop();
            }
        }

        Map<String, Double> perPair(int pairs) {
            Map<String, Double> result = new TreeMap<>();
            counts.forEach((k, v) -> result.put(k, v.get() / (double) pairs));
            return result;
        }

        private static String firstWords(String sql) {
            String s = sql.trim().replaceAll("\\s+", " ");
            String lower = s.toLowerCase();
            int from = lower.indexOf(" from ");
            if (lower.startsWith("select") && from > 0) {
                String rest = s.substring(from + 6);
                return "select from " + rest.split(" ")[0];
            }
            String[] words = s.split(" ");
            return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
        }
    }
}
