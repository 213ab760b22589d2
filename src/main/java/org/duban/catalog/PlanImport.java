package org.duban.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.shared.BaseEntity;

/** A record of one import of a plan document: what came in, what the parser warned about, what differed. */
@Entity
@Table(name = "plan_import")
public class PlanImport extends BaseEntity {

    public enum Outcome {
        /** First import: the catalog was created from this document. */
        CREATED,
        /** Same plan again and nothing differs. */
        UNCHANGED,
        /** Same plan again with differences; nothing was changed, the differences are listed. */
        DIFFERENT,
        /** Same plan again; the differences the admin accepted were applied (listed), the others were not. */
        UPDATED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "source_name", nullable = false, length = 300)
    private String sourceName;

    @Column(name = "source_sha256", nullable = false, length = 64)
    private String sourceSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome;

    @Column(length = BaseEntity.LONG_TEXT)
    private String warnings;

    @Column(length = BaseEntity.LONG_TEXT)
    private String differences;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 60)
    private String importedBy;

    protected PlanImport() {
    }

    public PlanImport(Plan plan, String sourceName, String sourceSha256, Outcome outcome, String warnings,
            String differences, Instant importedAt, String importedBy) {
        this.plan = plan;
        this.sourceName = sourceName;
        this.sourceSha256 = sourceSha256;
        this.outcome = outcome;
        this.warnings = warnings;
        this.differences = differences;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    public Plan getPlan() {
        return plan;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getSourceSha256() {
        return sourceSha256;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getWarnings() {
        return warnings;
    }

    public String getDifferences() {
        return differences;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }
}
