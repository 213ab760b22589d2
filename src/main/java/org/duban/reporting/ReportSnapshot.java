package org.duban.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.shared.BaseEntity;
import org.hibernate.annotations.Immutable;

/** The content of a report as submitted (JSON), one per submission, so changes between versions can be shown. */
@Entity
@Immutable
@Table(name = "report_snapshot")
public class ReportSnapshot extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false, length = BaseEntity.LONG_TEXT)
    private String content;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, length = 60)
    private String submittedBy;

    protected ReportSnapshot() {
    }

    ReportSnapshot(ProgressReport report, int revision, String content, Instant submittedAt, String submittedBy) {
        this.report = report;
        this.revision = revision;
        this.content = content;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
    }

    public ProgressReport getReport() {
        return report;
    }

    public int getRevision() {
        return revision;
    }

    public String getContent() {
        return content;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }
}
