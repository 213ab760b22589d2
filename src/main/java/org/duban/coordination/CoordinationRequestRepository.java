package org.duban.coordination;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoordinationRequestRepository extends JpaRepository<CoordinationRequest, Long> {

    Optional<CoordinationRequest> findByBusinessKey(String businessKey);

    long countByReportId(Long reportId);

    List<CoordinationRequest> findByTaskIdOrderByCreatedAt(Long taskId);
}
