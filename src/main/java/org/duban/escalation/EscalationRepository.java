package org.duban.escalation;

import java.util.List;
import org.duban.reporting.EscalationLevel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

    boolean existsByReportIdAndStageAndLevel(Long reportId, Escalation.Stage stage, EscalationLevel level);

    List<Escalation> findByReportIdOrderByOccurredAtAscIdAsc(Long reportId);

    /** JPQL: asked on every submit and review, and Hibernate caches a JPQL string's SQL (ProgressReportRepository). */
    @Query("select e from Escalation e where e.report.id = :reportId and e.resolvedAt is null")
    List<Escalation> findByReportIdAndResolvedAtIsNull(Long reportId);

    long countByLevel(EscalationLevel level);

    List<Escalation> findByLevelAndResolvedAtIsNullOrderByOccurredAt(EscalationLevel level);
}
