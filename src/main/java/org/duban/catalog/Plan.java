package org.duban.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duban.shared.BaseEntity;

/** One published key-task document (e.g. 菏政办字〔2023〕13号) and its reporting calendar. */
@Entity
@Table(name = "plan")
public class Plan extends BaseEntity {

    @Column(name = "document_number", nullable = false, length = 100)
    private String documentNumber;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "source_name", nullable = false, length = 300)
    private String sourceName;

    @Column(name = "source_sha256", nullable = false, length = 64)
    private String sourceSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_frequency", nullable = false, length = 20)
    private ReportFrequency reportFrequency = ReportFrequency.QUARTERLY;

    /** Day of the cycle's last month by which reports are due (e.g. 25 = the 25th of a quarter's last month). */
    @Column(name = "report_due_day", nullable = false)
    private int reportDueDay = 25;

    /** The first period that gets a cycle (2 = from Q2 or February): a plan published in spring skips Q1. */
    @Column(name = "first_period_no", nullable = false)
    private int firstPeriod = 1;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 60)
    private String importedBy;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<PlanSection> sections = new ArrayList<>();

    @Version
    private long version;

    protected Plan() {
    }

    public Plan(String documentNumber, int year, String title, String sourceName, String sourceSha256,
            Instant importedAt, String importedBy) {
        this.documentNumber = documentNumber;
        this.year = year;
        this.title = title;
        this.sourceName = sourceName;
        this.sourceSha256 = sourceSha256;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    /** A new version of the document gave the plan another title. */
    void retitle(String newTitle) {
        this.title = newTitle;
    }

    public PlanSection addSection(int number, String label, String title) {
        PlanSection section = new PlanSection(this, number, label, title);
        sections.add(section);
        return section;
    }

    /** Business key prefix of this plan's tasks, e.g. {@code 2023-T23}. */
    public String taskCode(int taskNumber) {
        return year + "-T" + taskNumber;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public String getSourceName() {
        return sourceName;
    }

    public String getSourceSha256() {
        return sourceSha256;
    }

    public ReportFrequency getReportFrequency() {
        return reportFrequency;
    }

    public void setReportFrequency(ReportFrequency reportFrequency) {
        this.reportFrequency = reportFrequency;
    }

    public int getReportDueDay() {
        return reportDueDay;
    }

    public void setReportDueDay(int reportDueDay) {
        this.reportDueDay = reportDueDay;
    }

    public int getFirstPeriod() {
        return firstPeriod;
    }

    public void setFirstPeriod(int firstPeriod) {
        this.firstPeriod = firstPeriod;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public List<PlanSection> getSections() {
        return Collections.unmodifiableList(sections);
    }

    public long getVersion() {
        return version;
    }
}
