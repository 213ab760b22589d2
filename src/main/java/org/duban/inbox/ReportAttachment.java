package org.duban.inbox;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duban.reporting.ProgressReport;

/** A file attached to a progress report; its bytes are kept in {@link ReportAttachmentPart}s. */
@Entity
@Table(name = "report_attachment")
public class ReportAttachment extends StoredFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @OneToMany(mappedBy = "attachment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("partNo")
    private List<ReportAttachmentPart> parts = new ArrayList<>();

    protected ReportAttachment() {
    }

    ReportAttachment(ProgressReport report, AttachmentRules.Checked file, String uploadedBy, Instant uploadedAt) {
        super(file, uploadedBy, uploadedAt);
        this.report = report;
        parts.addAll(partsOf(file.content(), (no, slice) -> new ReportAttachmentPart(this, no, slice)));
    }

    byte[] content() {
        return joined(parts);
    }

    public ProgressReport getReport() {
        return report;
    }
}
