package org.duban.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Timings of repeated runs and the lines the benchmark writes: percentiles, means, ratios against the baseline measured
 * in the same run. Results are appended to {@code target/benchmarks/results.md} and printed.
 */
final class Measurements {

    static final Path RESULTS = Path.of("target", "benchmarks", "results.md");

    private Measurements() {
    }

    /** Percentile (nearest rank) of nanosecond samples, in milliseconds. */
    static double percentileMs(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static double meanMs(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static synchronized void record(String database, String scenario, List<String> lines) {
        StringBuilder text = new StringBuilder("\n### ").append(scenario).append(" — ").append(database)
                .append(" (").append(java.time.LocalDateTime.now().withNano(0)).append(")\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        System.out.println(text);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
