package org.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The weights of the assessment's components in whole percent; one row ({@link #ID}), changed by admins. */
@Entity
@Table(name = "assessment_weights")
public class AssessmentWeights {

    static final long ID = 1L;

    @Id
    private Long id;

    @Column(name = "on_time_weight", nullable = false)
    private int onTime;

    @Column(name = "returns_weight", nullable = false)
    private int returns;

    @Column(name = "escalations_weight", nullable = false)
    private int escalations;

    @Column(name = "indicators_weight", nullable = false)
    private int indicators;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected AssessmentWeights() {
    }

    AssessmentWeights(Weights weights, String by, Instant at) {
        this.id = ID;
        set(weights, by, at);
    }

    void set(Weights weights, String by, Instant at) {
        this.onTime = weights.onTime();
        this.returns = weights.returns();
        this.escalations = weights.escalations();
        this.indicators = weights.indicators();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Weights weights() {
        return new Weights(onTime, returns, escalations, indicators);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
