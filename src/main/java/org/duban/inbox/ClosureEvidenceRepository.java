package org.duban.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosureEvidenceRepository extends JpaRepository<ClosureEvidence, Long> {

    List<ClosureEvidence> findByTaskIdOrderByUploadedAtAscIdAsc(Long taskId);

    long countByTaskIdAndApplicationIsNull(Long taskId);

    List<ClosureEvidence> findByTaskIdAndApplicationIsNull(Long taskId);
}
