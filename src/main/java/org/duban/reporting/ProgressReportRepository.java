package org.duban.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    Optional<ProgressReport> findByBusinessKey(String businessKey);

    /** The report a progress-report process instance works on (indexed, V14): cheaper than the engine's variable. */
    Optional<ProgressReport> findByProcessInstanceId(String processInstanceId);

    @Query("select r.id from ProgressReport r where r.task.id = :taskId and r.cycle.id = :cycleId order by r.id")
    List<Long> idsOf(Long taskId, Long cycleId);

    @EntityGraph(attributePaths = {"task", "unit", "cycle", "reviewerUnit"})
    List<ProgressReport> findByCycleId(Long cycleId);

    long countByCycleIdAndStatus(Long cycleId, ReportStatus status);

    long countByCycleId(Long cycleId);

    @Query("""
            select r from ProgressReport r
            where r.task.id = :taskId and r.unit.id = :unitId and r.cycle.periodStart < :before
            order by r.cycle.periodStart desc""")
    List<ProgressReport> earlierOf(Long taskId, Long unitId, java.time.LocalDate before);
}
