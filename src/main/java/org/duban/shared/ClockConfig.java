package org.duban.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application and the process engine: Duban's services read the engine's clock, so due dates,
 * escalations and timers always agree — and tests move both at once with {@code ClockUtil.setCurrentTime}.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneId.systemDefault());
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
