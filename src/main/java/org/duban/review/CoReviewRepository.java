package org.duban.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CoReviewRepository extends JpaRepository<CoReview, Long> {

    /** JPQL: asked on every review, and Hibernate caches a JPQL string's SQL (see ProgressReportRepository). */
    @Query("select c from CoReview c where c.report.id = :reportId and c.status = :status")
    List<CoReview> findByReportIdAndStatus(Long reportId, CoReview.Status status);

    List<CoReview> findByReportIdOrderByRequestedAt(Long reportId);

    Optional<CoReview> findByEngineTaskId(String engineTaskId);
}
