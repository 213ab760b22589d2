package org.duban.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

    List<ReviewDecision> findByReportIdOrderByDecidedAtAscIdAsc(Long reportId);

    long countByDecision(ReviewDecision.Outcome decision);
}
