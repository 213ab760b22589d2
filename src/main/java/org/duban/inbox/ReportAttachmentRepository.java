package org.duban.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportAttachmentRepository extends JpaRepository<ReportAttachment, Long> {

    List<ReportAttachment> findByReportIdOrderByUploadedAtAscIdAsc(Long reportId);

    long countByReportId(Long reportId);
}
