package org.duban.inbox;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.duban.reporting.ProgressReport;
import org.duban.shared.BaseEntity;

/** A file attached to a progress report; its bytes are kept in {@link ReportAttachmentPart}s. */
@Entity
@Table(name = "report_attachment")
public class ReportAttachment extends BaseEntity {

    /** Base64 characters per stored part. */
    static final int PART_CHARS = 500_000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 120)
    private String contentType;

    @Column(name = "byte_count", nullable = false)
    private long byteCount;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 60)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @OneToMany(mappedBy = "attachment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("partNo")
    private List<ReportAttachmentPart> parts = new ArrayList<>();

    protected ReportAttachment() {
    }

    ReportAttachment(ProgressReport report, String fileName, String contentType, byte[] content, String sha256,
            String uploadedBy, Instant uploadedAt) {
        this.report = report;
        this.fileName = fileName;
        this.contentType = contentType;
        this.byteCount = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        String encoded = Base64.getEncoder().encodeToString(content);
        for (int start = 0, no = 0; start < encoded.length() || no == 0; start += PART_CHARS, no++) {
            parts.add(new ReportAttachmentPart(this, no,
                    encoded.substring(start, Math.min(encoded.length(), start + PART_CHARS))));
        }
    }

    byte[] content() {
        StringBuilder encoded = new StringBuilder();
        parts.forEach(p -> encoded.append(p.getChunkText()));
        return Base64.getDecoder().decode(encoded.toString());
    }

    public ProgressReport getReport() {
        return report;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getByteCount() {
        return byteCount;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
