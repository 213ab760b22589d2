package org.duban.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One base64 slice of an attachment's bytes. */
@Entity
@Table(name = "report_attachment_part")
class ReportAttachmentPart extends StoredFilePart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attachment_id")
    private ReportAttachment attachment;

    protected ReportAttachmentPart() {
    }

    ReportAttachmentPart(ReportAttachment attachment, int partNo, String chunkText) {
        super(partNo, chunkText);
        this.attachment = attachment;
    }
}
