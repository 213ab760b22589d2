package org.duban.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.duban.org.Unit;
import org.duban.shared.BaseEntity;

/** A unit's part in a task, in document order (seq 1 is the primary lead when there are leads). */
@Entity
@Table(name = "task_assignment")
public class TaskAssignment extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_name", nullable = false, length = 20)
    private AssignmentRole role;

    @Column(name = "seq_no", nullable = false)
    private int seq;

    /** For a participant: the lead unit that reviews its reports (null: the primary lead). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reviewer_unit_id")
    private Unit reviewerUnit;

    protected TaskAssignment() {
    }

    TaskAssignment(KeyTask task, Unit unit, AssignmentRole role, int seq) {
        this.task = task;
        this.unit = unit;
        this.role = role;
        this.seq = seq;
    }

    public KeyTask getTask() {
        return task;
    }

    public Unit getUnit() {
        return unit;
    }

    public AssignmentRole getRole() {
        return role;
    }

    public int getSeq() {
        return seq;
    }

    void changeRole(AssignmentRole role) {
        this.role = role;
    }

    public Unit getReviewerUnit() {
        return reviewerUnit;
    }

    /** Assigns this participant's reports to one of the task's lead units (co-leads review their share). */
    public void setReviewerUnit(Unit reviewerUnit) {
        this.reviewerUnit = reviewerUnit;
    }
}
