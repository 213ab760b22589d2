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
import org.duban.catalog.KeyTask;
import org.duban.supervision.ClosureApplication;

/** A file attached to a task's closure (销号) application; pending until the application is submitted. */
@Entity
@Table(name = "closure_evidence")
public class ClosureEvidence extends StoredFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id")
    private ClosureApplication application;

    @OneToMany(mappedBy = "evidence", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("partNo")
    private List<ClosureEvidencePart> parts = new ArrayList<>();

    protected ClosureEvidence() {
    }

    ClosureEvidence(KeyTask task, AttachmentRules.Checked file, String uploadedBy, Instant uploadedAt) {
        super(file, uploadedBy, uploadedAt);
        this.task = task;
        parts.addAll(partsOf(file.content(), (no, slice) -> new ClosureEvidencePart(this, no, slice)));
    }

    byte[] content() {
        return joined(parts);
    }

    boolean isPending() {
        return application == null;
    }

    void submittedWith(ClosureApplication submitted) {
        this.application = submitted;
    }

    public KeyTask getTask() {
        return task;
    }
}
