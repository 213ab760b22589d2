package org.duban.org;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Fills an empty unit table with the shipped Heze registry; after that the registry is the admins' data. */
@Component
@Order(10)
class UnitRegistryInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitRegistryInitializer.class);

    private final UnitRepository units;

    UnitRegistryInitializer(UnitRepository units) {
        this.units = units;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        List<RegistryFile.Entry> entries = RegistryFile.readDefault();
        int order = 0;
        for (RegistryFile.Entry entry : entries) {
            Unit unit = new Unit(entry.code(), entry.name(), entry.type(), true, ++order);
            // county-level governments sign off their reports before they leave; departments need not
            unit.setLeaderSignoff(entry.type().isCountyLevel());
            entry.aliases().forEach(unit::addAlias);
            units.save(unit);
        }
        log.info("Unit registry initialised with {} default units", entries.size());
    }
}
