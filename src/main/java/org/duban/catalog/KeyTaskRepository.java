package org.duban.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface KeyTaskRepository extends JpaRepository<KeyTask, Long> {

    @EntityGraph(attributePaths = {"section", "assignments", "assignments.unit"})
    Optional<KeyTask> findByPlanAndNumber(Plan plan, int number);

    Optional<KeyTask> findByPlanIdAndCode(Long planId, String code);

    @EntityGraph(attributePaths = {"section"})
    Page<KeyTask> findByPlanIdOrderByNumber(Long planId, Pageable pageable);

    @Query("select t from KeyTask t join fetch t.section where t.plan.id = :planId order by t.number")
    List<KeyTask> findAllOfPlan(Long planId);

    long countByPlanId(Long planId);

    @EntityGraph(attributePaths = {"assignments", "assignments.unit"})
    List<KeyTask> findByPlanIdAndStatusOrderByNumber(Long planId, TaskStatus status);
}
