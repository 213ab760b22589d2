package org.duban.escalation;

import java.util.List;
import org.duban.reporting.EscalationLevel;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

    boolean existsByReportIdAndStageAndLevel(Long reportId, Escalation.Stage stage, EscalationLevel level);

    List<Escalation> findByReportIdOrderByOccurredAtAscIdAsc(Long reportId);

    List<Escalation> findByReportIdAndResolvedAtIsNull(Long reportId);

    long countByLevel(EscalationLevel level);

    List<Escalation> findByLevelAndResolvedAtIsNullOrderByOccurredAt(EscalationLevel level);
}
