package org.duban.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import org.duban.shared.BaseEntity;

/**
 * A file kept in the database (report attachments, closure evidence): its name, type, size and checksum here, its
 * bytes as base64 slices in a part table of the subclass, so a large file never needs a database-specific BLOB type.
 */
@MappedSuperclass
public abstract class StoredFile extends BaseEntity {

    /** Base64 characters per stored part. */
    static final int PART_CHARS = 500_000;

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

    protected StoredFile() {
    }

    protected StoredFile(AttachmentRules.Checked file, String uploadedBy, Instant uploadedAt) {
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.byteCount = file.content().length;
        this.sha256 = file.sha256();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** The content as part rows (base64 slices, at least one, possibly empty), made by {@code part(no, slice)}. */
    static <P extends StoredFilePart> List<P> partsOf(byte[] content, BiFunction<Integer, String, P> part) {
        String encoded = Base64.getEncoder().encodeToString(content);
        List<P> parts = new ArrayList<>();
        for (int start = 0; start < encoded.length() || parts.isEmpty(); start += PART_CHARS) {
            String slice = encoded.substring(start, Math.min(encoded.length(), start + PART_CHARS));
            parts.add(part.apply(parts.size(), slice));
        }
        return parts;
    }

    /** The bytes of parts in their order. */
    static byte[] joined(List<? extends StoredFilePart> parts) {
        StringBuilder encoded = new StringBuilder();
        parts.forEach(p -> encoded.append(p.getChunkText()));
        return Base64.getDecoder().decode(encoded.toString());
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
