package org.duban.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByDocumentNumberAndYear(String documentNumber, int year);

    List<Plan> findAllByOrderByYearDescIdDesc();
}
