package org.duban.bench;

import org.springframework.test.context.TestPropertySource;

/** Scenarios 3-5 on the embedded H2 (in memory, its own database). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:duban-scale;DB_CLOSE_DELAY=-1")
class H2ScaleBenchmark extends ScaleBenchmarkContract {

    @Override
    String database() {
        return "H2 (in memory)";
    }
}
