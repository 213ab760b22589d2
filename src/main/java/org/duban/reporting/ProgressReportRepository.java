package org.duban.reporting;

import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    Optional<ProgressReport> findByBusinessKey(String businessKey);

    /**
     * The report a progress-report process instance works on (indexed, V14): cheaper than the engine's variable.
     * JPQL rather than a derived query on the submit/review path: Hibernate 6.6 caches the SQL of a JPQL string but
     * translates a derived (criteria) query again on every call (docs/benchmarks.md). Fetches what submit and review
     * read next (task, units, cycle) in the same select instead of four lazy loads.
     */
    @Query("""
            select r from ProgressReport r join fetch r.task join fetch r.unit join fetch r.reviewerUnit
            join fetch r.cycle where r.processInstanceId = :processInstanceId""")
    Optional<ProgressReport> findByProcessInstanceId(String processInstanceId);

    /**
     * The reports of a task in a cycle, for the key-task process's multi-instance (ReportProcesses). Without an
     * automatic flush: the query runs once per task while a cycle opens, with the cycle's 1,065 new reports in the
     * persistence context, and Hibernate's dirty check of all of them before each query cost ~0.5 s per opening
     * (docs/benchmarks.md). Report rows are only ever added, and CycleService flushes them before it starts the
     * processes.
     */
    @Query("select r.id from ProgressReport r where r.task.id = :taskId and r.cycle.id = :cycleId order by r.id")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
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
