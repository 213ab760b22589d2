package org.duban.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportingCycleRepository extends JpaRepository<ReportingCycle, Long> {

    List<ReportingCycle> findByPlanIdOrderByPeriodStart(Long planId);

    Optional<ReportingCycle> findByPlanIdAndPeriodCode(Long planId, String periodCode);

    /** Scheduled cycles whose opening day has come and whose period is not over yet. */
    List<ReportingCycle> findByPlanIdAndStatusAndOpensOnLessThanEqualAndDueOnGreaterThanEqualOrderByOpensOn(
            Long planId, CycleStatus status, LocalDate openBy, LocalDate dueNotBefore);

    Optional<ReportingCycle> findFirstByPlanIdAndStatusAndDueOnGreaterThanEqualOrderByOpensOn(Long planId,
            CycleStatus status, LocalDate dueNotBefore);
}
