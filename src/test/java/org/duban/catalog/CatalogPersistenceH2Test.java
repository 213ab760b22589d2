package org.duban.catalog;

import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("test")
class CatalogPersistenceH2Test extends CatalogPersistenceContract {
}
