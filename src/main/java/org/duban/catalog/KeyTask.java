package org.duban.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.duban.org.Unit;
import org.duban.shared.BaseEntity;

/** One numbered key task of a plan, with its indicators and the units answering for it. */
@Entity
@Table(name = "key_task")
public class KeyTask extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private PlanSection section;

    @Column(name = "task_no", nullable = false)
    private int number;

    /** Readable business key, e.g. {@code 2023-T23}; also the key of the task's process instance. */
    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = BaseEntity.LONG_TEXT)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TaskStatus status = TaskStatus.ACTIVE;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<Indicator> indicators = new ArrayList<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<TaskAssignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<TaskOpenToken> openTokens = new ArrayList<>();

    @Version
    private long version;

    protected KeyTask() {
    }

    KeyTask(Plan plan, PlanSection section, int number, String code, String title, String body) {
        this.plan = plan;
        this.section = section;
        this.number = number;
        this.code = code;
        this.title = title;
        this.body = body;
    }

    public Indicator addIndicator(String phrase, java.math.BigDecimal value, String measureUnit,
            Comparator comparator) {
        Indicator indicator = new Indicator(this, indicators.stream().mapToInt(Indicator::getSeq).max().orElse(0) + 1, phrase, value, measureUnit, comparator);
        indicators.add(indicator);
        return indicator;
    }

    public TaskAssignment assign(Unit unit, AssignmentRole role) {
        TaskAssignment assignment = new TaskAssignment(this, unit, role,
                assignments.stream().mapToInt(TaskAssignment::getSeq).max().orElse(0) + 1);
        assignments.add(assignment);
        return assignment;
    }

    public void addOpenToken(String token) {
        openTokens.add(new TaskOpenToken(this, token));
    }

    /** A later version of the plan words the task differently (an accepted re-import change). */
    void revise(String newTitle, String newBody) {
        this.title = newTitle;
        this.body = newBody;
    }

    /** Drops the unit's assignment; its reports stay, they point to the task and the unit, not to this row. */
    boolean unassign(Unit unit) {
        return assignments.removeIf(a -> a.getUnit().equals(unit));
    }

    /**
     * The supervision office takes a unit off the task (never the primary lead: that is an adjustment of the lead).
     * Units the removed lead reviewed go back to the primary lead's review.
     */
    public void removeUnit(Unit unit) {
        TaskAssignment removed = assignments.stream().filter(a -> a.getUnit().equals(unit)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unit.getName() + " 未承担此任务 / " + unit.getCode()
                        + " is not assigned to " + getCode()));
        if (removed.getRole() == AssignmentRole.PRIMARY_LEAD) {
            throw new IllegalArgumentException("主牵头单位不能直接移除，请通过分工调整更换 / the primary lead is changed"
                    + " through an adjustment, not removed");
        }
        assignments.stream().filter(a -> unit.equals(a.getReviewerUnit())).forEach(a -> a.setReviewerUnit(null));
        assignments.remove(removed);
    }

    boolean removeOpenToken(String token) {
        return openTokens.removeIf(t -> t.getToken().equals(token));
    }

    /** Removes an indicator nothing refers to yet (the caller checked), keeping the others' order. */
    void removeIndicator(Indicator indicator) {
        indicators.remove(indicator);
    }

    /**
     * Makes another unit the primary lead (an approved adjustment): the old primary lead becomes a co-lead; the new
     * one keeps its assignment row with the new role, or gets one.
     */
    public void changePrimaryLead(Unit newLead) {
        TaskAssignment current = assignments.stream().filter(a -> a.getRole() == AssignmentRole.PRIMARY_LEAD)
                .findFirst().orElse(null);
        if (current != null && current.getUnit().equals(newLead)) {
            return;
        }
        if (current != null) {
            current.changeRole(AssignmentRole.LEAD);
        }
        assignments.stream().filter(a -> a.getUnit().equals(newLead)).findFirst().ifPresentOrElse(
                a -> a.changeRole(AssignmentRole.PRIMARY_LEAD),
                () -> assign(newLead, AssignmentRole.PRIMARY_LEAD));
    }

    public Optional<Unit> primaryLead() {
        return assignments.stream()
                .filter(a -> a.getRole() == AssignmentRole.PRIMARY_LEAD)
                .map(TaskAssignment::getUnit)
                .findFirst();
    }

    public List<Unit> unitsWith(AssignmentRole role) {
        return assignments.stream().filter(a -> a.getRole() == role).map(TaskAssignment::getUnit).toList();
    }

    /** Tasks without units (e.g. "加强组织领导") are run by the supervision office itself. */
    public boolean isRunBySupervisionOffice() {
        return assignments.isEmpty();
    }

    public Plan getPlan() {
        return plan;
    }

    public PlanSection getSection() {
        return section;
    }

    public int getNumber() {
        return number;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public List<Indicator> getIndicators() {
        return Collections.unmodifiableList(indicators);
    }

    public List<TaskAssignment> getAssignments() {
        return Collections.unmodifiableList(assignments);
    }

    public List<TaskOpenToken> getOpenTokens() {
        return Collections.unmodifiableList(openTokens);
    }

    public long getVersion() {
        return version;
    }
}
