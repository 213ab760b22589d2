package org.duban.supervision;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duban.catalog.Indicator;
import org.duban.catalog.KeyTask;
import org.duban.org.Unit;
import org.duban.shared.BaseEntity;

/** The lead unit's work plan for a task: milestones, and each participating unit's share of each indicator. */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends BaseEntity {

    public enum Status {
        DRAFT, SUBMITTED
    }

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @Column(length = BaseEntity.LONG_TEXT)
    private String milestones;

    /** How the lead units split the review of participants (documented by the primary lead). */
    @Column(name = "split_note", length = BaseEntity.LONG_TEXT)
    private String splitNote;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status = Status.DRAFT;

    @Column(name = "submitted_by", length = 60)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @OneToMany(mappedBy = "workPlan", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<WorkPlanShare> shares = new ArrayList<>();

    @Version
    private long version;

    protected WorkPlan() {
    }

    WorkPlan(KeyTask task) {
        this.task = task;
    }

    void write(String milestones, String splitNote) {
        this.milestones = milestones;
        this.splitNote = splitNote;
    }

    /**
     * The shares are now exactly {@code newShares}. A share kept for the same indicator and unit is updated in place:
     * Hibernate inserts before it deletes, so removing and re-adding it would break the (plan, indicator, unit) key.
     */
    void replaceShares(List<Share> newShares) {
        shares.removeIf(old -> newShares.stream().noneMatch(s -> old.isFor(s.indicator(), s.unit())));
        for (Share share : newShares) {
            shares.stream().filter(old -> old.isFor(share.indicator(), share.unit())).findFirst().ifPresentOrElse(
                    old -> old.revalue(share.value()),
                    () -> shares.add(new WorkPlanShare(this, share.indicator(), share.unit(), share.value())));
        }
    }

    void submit(String by, Instant at) {
        this.status = Status.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    record Share(Indicator indicator, Unit unit, BigDecimal value) {
    }

    public KeyTask getTask() {
        return task;
    }

    public String getMilestones() {
        return milestones;
    }

    public String getSplitNote() {
        return splitNote;
    }

    public Status getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<WorkPlanShare> getShares() {
        return Collections.unmodifiableList(shares);
    }
}
