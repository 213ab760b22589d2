package org.duban.catalog;

import java.io.IOException;
import java.io.InputStream;
import org.duban.catalog.parse.CatalogParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * On the embedded default profile, imports the shipped seed plan (Heze's 2023 list) on the first start, so a newcomer
 * has real tasks to click through. Later starts find the plan and do nothing.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "duban.seed.enabled", havingValue = "true")
class SeedPlanLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedPlanLoader.class);

    private final CatalogImportService importService;
    private final PlanRepository plans;
    private final Resource seed;

    SeedPlanLoader(CatalogImportService importService, PlanRepository plans,
            @Value("${duban.seed.resource}") Resource seed) {
        this.importService = importService;
        this.plans = plans;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, CatalogParseException {
        if (plans.count() > 0) {
            return;
        }
        byte[] content;
        try (InputStream in = seed.getInputStream()) {
            content = in.readAllBytes();
        }
        ImportReport report = importService.importPlan(content, seed.getFilename(), "system");
        log.info("Seed plan {} imported: {} sections, {} tasks", report.documentNumber(), report.sectionCount(),
                report.taskCount());
    }
}
