package org.duban.catalog;

import org.duban.support.PostgresSchema;
import org.duban.support.PostgresTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresTest
class CatalogPersistencePostgresTest extends CatalogPersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
