package org.duban.bench;

import org.duban.support.PostgresSchema;
import org.duban.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Scenarios 3-5 on the local PostgreSQL, in a schema of its own. */
@PostgresTest
class PostgresScaleBenchmark extends ScaleBenchmarkContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }

    @Override
    String database() {
        return "PostgreSQL 15 (127.0.0.1)";
    }
}
