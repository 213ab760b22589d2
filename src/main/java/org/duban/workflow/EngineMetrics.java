package org.duban.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's health as Prometheus gauges: open incidents, jobs out of retries, due jobs waiting. Each value is
 * cached for a minute, since every node is scraped and each reading is a database count.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    EngineMetrics(RuntimeService runtime, ManagementService management, Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "duban.engine.incidents.open", "Open incidents",
                () -> runtime.createIncidentQuery().count());
        gauge(registry, "duban.engine.jobs.no.retries", "Jobs that failed and have no retries left",
                () -> management.createJobQuery().noRetriesLeft().count());
        gauge(registry, "duban.engine.jobs.executable", "Due jobs waiting for a job executor",
                () -> management.createJobQuery().executable().count());
    }

    private void gauge(MeterRegistry registry, String name, String description, LongSupplier reading) {
        Cached cached = new Cached(reading, clock);
        Gauge.builder(name, cached, Cached::value).description(description).register(registry);
    }

    private static final class Cached {
        private final LongSupplier reading;
        private final Clock clock;
        private volatile Instant readAt = Instant.MIN;
        private volatile double value;

        Cached(LongSupplier reading, Clock clock) {
            this.reading = reading;
            this.clock = clock;
        }

        double value() {
            Instant now = clock.instant();
            if (readAt.plus(MAX_AGE).isBefore(now)) {
                try {
                    value = reading.getAsLong();
                } catch (RuntimeException e) {
                    value = Double.NaN; // database unreachable: report no value rather than fail the scrape
                }
                readAt = now;
            }
            return value;
        }
    }
}
