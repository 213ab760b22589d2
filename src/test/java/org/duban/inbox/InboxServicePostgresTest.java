package org.duban.inbox;

import org.duban.support.PostgresSchema;
import org.duban.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbox on the local PostgreSQL, in the schema of this JVM's PostgreSQL tests. */
@PostgresTest
class InboxServicePostgresTest extends InboxServiceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
