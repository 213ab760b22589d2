package org.duban.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.duban.shared.BaseEntity;

/** One base64 slice of an attachment's bytes. */
@Entity
@Table(name = "report_attachment_part")
class ReportAttachmentPart extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attachment_id")
    private ReportAttachment attachment;

    @Column(name = "part_no", nullable = false)
    private int partNo;

    @Column(name = "chunk_text", nullable = false, length = BaseEntity.LONG_TEXT)
    private String chunkText;

    protected ReportAttachmentPart() {
    }

    ReportAttachmentPart(ReportAttachment attachment, int partNo, String chunkText) {
        this.attachment = attachment;
        this.partNo = partNo;
        this.chunkText = chunkText;
    }

    int getPartNo() {
        return partNo;
    }

    String getChunkText() {
        return chunkText;
    }
}
