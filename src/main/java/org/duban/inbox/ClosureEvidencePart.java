package org.duban.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One base64 slice of a closure evidence file's bytes. */
@Entity
@Table(name = "closure_evidence_part")
class ClosureEvidencePart extends StoredFilePart {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evidence_id")
    private ClosureEvidence evidence;

    protected ClosureEvidencePart() {
    }

    ClosureEvidencePart(ClosureEvidence evidence, int partNo, String chunkText) {
        super(partNo, chunkText);
        this.evidence = evidence;
    }
}
