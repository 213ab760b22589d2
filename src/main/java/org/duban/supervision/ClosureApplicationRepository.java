package org.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosureApplicationRepository extends JpaRepository<ClosureApplication, Long> {

    List<ClosureApplication> findByTaskIdOrderByAppliedAt(Long taskId);
}
