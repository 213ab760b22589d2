package org.duban.bench;

import org.duban.support.PostgresSchema;
import org.duban.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark on the local PostgreSQL, in a schema of its own. */
@PostgresTest
class PostgresBenchmark extends BenchmarkContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }

    @Override
    String database() {
        return "PostgreSQL 15 (127.0.0.1)";
    }
}
