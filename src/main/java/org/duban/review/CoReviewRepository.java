package org.duban.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoReviewRepository extends JpaRepository<CoReview, Long> {

    List<CoReview> findByReportIdAndStatus(Long reportId, CoReview.Status status);

    List<CoReview> findByReportIdOrderByRequestedAt(Long reportId);

    Optional<CoReview> findByEngineTaskId(String engineTaskId);
}
