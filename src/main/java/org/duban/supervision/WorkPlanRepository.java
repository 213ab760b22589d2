package org.duban.supervision;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkPlanRepository extends JpaRepository<WorkPlan, Long> {

    Optional<WorkPlan> findByTaskId(Long taskId);
}
