package org.duban.workflow;

import org.duban.support.PostgresSchema;
import org.duban.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole seed cycle on PostgreSQL, in a schema of its own. */
@PostgresTest
class SeedCyclePostgresTest extends SeedCycleContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
