package org.duban.reporting;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.duban.catalog.Indicator;
import org.duban.catalog.KeyTask;
import org.duban.org.Unit;
import org.duban.shared.BaseEntity;

/**
 * One unit's progress report on one task for one cycle. Its status follows the progress-report process; every change
 * of status goes through a method here that refuses transitions the process does not allow.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private KeyTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private ReportingCycle cycle;

    /** The lead unit whose reviewers decide on this report. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_unit_id")
    private Unit reviewerUnit;

    /** e.g. {@code 2023-T23-2023Q2-CAOXIAN}; also the business key of the report's process instance. */
    @Column(name = "business_key", nullable = false, unique = true, length = 120)
    private String businessKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status = ReportStatus.NOT_STARTED;

    @Column(length = BaseEntity.LONG_TEXT)
    private String narrative;

    @Column(name = "percent_done")
    private Integer percentDone;

    @Column(length = BaseEntity.LONG_TEXT)
    private String problems;

    @Column(name = "next_steps", length = BaseEntity.LONG_TEXT)
    private String nextSteps;

    @Column(name = "needs_coordination", nullable = false)
    private boolean needsCoordination;

    /** Values of form fields Duban has no column for (JSON object), e.g. a field an admin added in Modeler. */
    @Column(name = "extra_fields", length = BaseEntity.LONG_TEXT)
    private String extraFields;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<IndicatorActual> actuals = new ArrayList<>();

    /** Times the lead unit's reviewer sent the report back (to the clerk or to the leader's sign-off). */
    @Column(name = "return_count", nullable = false)
    private int returnCount;

    /** Number of submissions so far; each has a {@link ReportSnapshot}. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "review_due_on")
    private LocalDate reviewDueOn;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by", length = 60)
    private String submittedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level", nullable = false, length = 20)
    private EscalationLevel escalationLevel = EscalationLevel.NONE;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected ProgressReport() {
    }

    public ProgressReport(KeyTask task, Unit unit, ReportingCycle cycle, Unit reviewerUnit, LocalDate dueOn) {
        this.task = task;
        this.unit = unit;
        this.cycle = cycle;
        this.reviewerUnit = reviewerUnit;
        this.dueOn = dueOn;
        this.businessKey = businessKeyOf(task, cycle, unit);
    }

    public static String businessKeyOf(KeyTask task, ReportingCycle cycle, Unit unit) {
        return task.getCode() + "-" + cycle.getPeriodCode() + "-" + unit.getCode();
    }

    /** Writes the clerk's content; allowed while the report is with the clerk. */
    void write(ReportContent content, String extraFieldsJson) {
        requireStatus("edit", ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED);
        this.narrative = content.narrative();
        this.percentDone = content.percentDone();
        this.problems = content.problems();
        this.nextSteps = content.nextSteps();
        this.needsCoordination = content.needsCoordination();
        this.extraFields = extraFieldsJson;
        content.actuals().forEach((indicatorId, actual) -> actualFor(indicatorId).ifPresent(a -> {
            a.setActualValue(actual.value());
            a.setNote(actual.note());
        }));
        if (status == ReportStatus.NOT_STARTED) {
            status = ReportStatus.DRAFT;
        }
    }

    /** One actual-value row per indicator of the task, created with the report. */
    void addActualRowsFor(List<Indicator> indicators) {
        for (Indicator indicator : indicators) {
            actuals.add(new IndicatorActual(this, indicator));
        }
    }

    void submit(Instant at, String by, boolean leaderSignoff, LocalDate reviewDue) {
        requireStatus("submit", ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED);
        this.status = leaderSignoff ? ReportStatus.AWAITING_SIGNOFF : ReportStatus.AWAITING_REVIEW;
        this.submittedAt = at;
        this.submittedBy = by;
        this.revision++;
        if (!leaderSignoff) {
            this.reviewDueOn = reviewDue;
        }
    }

    void withdraw() {
        requireStatus("withdraw", ReportStatus.AWAITING_SIGNOFF, ReportStatus.AWAITING_REVIEW);
        this.status = ReportStatus.DRAFT;
        this.reviewDueOn = null;
    }

    void signedOff(LocalDate reviewDue) {
        requireStatus("sign off", ReportStatus.AWAITING_SIGNOFF);
        this.status = ReportStatus.AWAITING_REVIEW;
        this.reviewDueOn = reviewDue;
    }

    void returnedByLeader() {
        requireStatus("return", ReportStatus.AWAITING_SIGNOFF);
        this.status = ReportStatus.RETURNED;
    }

    void returnedToClerk() {
        requireStatus("return", ReportStatus.AWAITING_REVIEW);
        this.status = ReportStatus.RETURNED;
        this.returnCount++;
        this.reviewDueOn = null;
    }

    void returnedToLeader() {
        requireStatus("return", ReportStatus.AWAITING_REVIEW);
        this.status = ReportStatus.AWAITING_SIGNOFF;
        this.returnCount++;
        this.reviewDueOn = null;
    }

    void approved(Instant at) {
        requireStatus("approve", ReportStatus.AWAITING_REVIEW);
        this.status = ReportStatus.APPROVED;
        this.approvedAt = at;
    }

    /** Records a higher escalation level; lower or equal levels change nothing. */
    public boolean raiseEscalation(EscalationLevel level) {
        if (level.isAbove(escalationLevel)) {
            this.escalationLevel = level;
            return true;
        }
        return false;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireStatus(String action, ReportStatus... allowed) {
        for (ReportStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ReportStateException(businessKey, action, status);
    }

    public Optional<IndicatorActual> actualFor(Long indicatorId) {
        return actuals.stream().filter(a -> a.getIndicator().getId().equals(indicatorId)).findFirst();
    }

    public KeyTask getTask() {
        return task;
    }

    public Unit getUnit() {
        return unit;
    }

    public ReportingCycle getCycle() {
        return cycle;
    }

    public Unit getReviewerUnit() {
        return reviewerUnit;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getNarrative() {
        return narrative;
    }

    public Integer getPercentDone() {
        return percentDone;
    }

    public String getProblems() {
        return problems;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public boolean isNeedsCoordination() {
        return needsCoordination;
    }

    public String getExtraFields() {
        return extraFields;
    }

    public List<IndicatorActual> getActuals() {
        return Collections.unmodifiableList(actuals);
    }

    public int getReturnCount() {
        return returnCount;
    }

    public int getRevision() {
        return revision;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getReviewDueOn() {
        return reviewDueOn;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public EscalationLevel getEscalationLevel() {
        return escalationLevel;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public long getVersion() {
        return version;
    }
}
