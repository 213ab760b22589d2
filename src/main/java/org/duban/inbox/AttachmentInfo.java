package org.duban.inbox;

import java.time.Instant;

/** What the form screen lists of an attachment; the bytes are fetched only on download. */
public record AttachmentInfo(Long id, String fileName, String contentType, long byteCount, String uploadedBy,
        Instant uploadedAt) {

    static AttachmentInfo of(StoredFile a) {
        return new AttachmentInfo(a.getId(), a.getFileName(), a.getContentType(), a.getByteCount(), a.getUploadedBy(),
                a.getUploadedAt());
    }
}
