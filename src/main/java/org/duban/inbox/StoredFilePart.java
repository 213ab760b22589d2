package org.duban.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.duban.shared.BaseEntity;

/** One base64 slice of a {@link StoredFile}'s bytes; the subclass names the file it belongs to. */
@MappedSuperclass
public abstract class StoredFilePart extends BaseEntity {

    @Column(name = "part_no", nullable = false)
    private int partNo;

    @Column(name = "chunk_text", nullable = false, length = BaseEntity.LONG_TEXT)
    private String chunkText;

    protected StoredFilePart() {
    }

    protected StoredFilePart(int partNo, String chunkText) {
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
