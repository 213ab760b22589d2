package org.duban.bench;

import org.springframework.test.context.TestPropertySource;

/** The benchmark on the embedded H2 (in memory, its own database). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:duban-bench;DB_CLOSE_DELAY=-1")
class H2Benchmark extends BenchmarkContract {

    @Override
    String database() {
        return "H2 (in memory)";
    }
}
