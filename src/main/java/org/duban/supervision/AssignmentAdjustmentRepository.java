package org.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentAdjustmentRepository extends JpaRepository<AssignmentAdjustment, Long> {

    List<AssignmentAdjustment> findByTaskIdOrderByRequestedAt(Long taskId);
}
