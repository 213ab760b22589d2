package org.duban.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LightOverrideRepository extends JpaRepository<LightOverride, Long> {

    Optional<LightOverride> findByReportIdAndClearedAtIsNull(Long reportId);

    @Query("select o from LightOverride o where o.report.id in :reportIds and o.clearedAt is null")
    List<LightOverride> activeFor(Collection<Long> reportIds);

    List<LightOverride> findByReportIdOrderBySetAtAscIdAsc(Long reportId);
}
