package org.duban.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportSnapshotRepository extends JpaRepository<ReportSnapshot, Long> {

    List<ReportSnapshot> findByReportIdOrderByRevision(Long reportId);
}
