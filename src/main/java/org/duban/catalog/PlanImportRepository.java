package org.duban.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanImportRepository extends JpaRepository<PlanImport, Long> {

    List<PlanImport> findByPlanOrderByImportedAtDesc(Plan plan);
}
