package org.duban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CycleTaskReportRepository extends JpaRepository<CycleTaskReport, Long> {

    Optional<CycleTaskReport> findByTaskIdAndCycleId(Long taskId, Long cycleId);

    List<CycleTaskReport> findByCycleId(Long cycleId);
}
