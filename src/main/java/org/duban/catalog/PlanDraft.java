package org.duban.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.catalog.parse.ParsedTask;

/**
 * A parsed plan document held in memory between upload and confirmation: what the admin sees, settles and corrects.
 * Nothing of it is stored until {@link PlanImportPreviewService#confirm} (a new plan) or
 * {@link PlanImportPreviewService#applyChanges} (a plan imported before). Only the service changes it.
 */
public final class PlanDraft {

    private final String id = UUID.randomUUID().toString();
    private final String fileName;
    private final String sha256;
    private final Long storedPlanId;
    private final String preparedBy;
    private ParsedPlan plan;
    private ReportingSettings settings = ReportingSettings.DEFAULT;
    private List<PlanChange> changes = List.of();
    private final List<String> notes = new ArrayList<>();

    PlanDraft(String fileName, String sha256, ParsedPlan plan, Long storedPlanId, String preparedBy) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.plan = plan;
        this.storedPlanId = storedPlanId;
        this.preparedBy = preparedBy;
    }

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    String getSha256() {
        return sha256;
    }

    /** The document as it stands after the admin's settlements and corrections. */
    public ParsedPlan getPlan() {
        return plan;
    }

    /** The key under which the plan is stored: its document number, or its title if it has none. */
    public String getDocumentNumber() {
        return plan.documentNumber() != null ? plan.documentNumber() : plan.title();
    }

    public int getYear() {
        return plan.year();
    }

    /** A plan with the same document number and year is stored already: the draft is a re-import. */
    public boolean isReimport() {
        return storedPlanId != null;
    }

    public Optional<Long> getStoredPlanId() {
        return Optional.ofNullable(storedPlanId);
    }

    String getPreparedBy() {
        return preparedBy;
    }

    public ReportingSettings getSettings() {
        return settings;
    }

    /** For a re-import: the differences to the stored plan, recomputed after every settlement or correction. */
    public List<PlanChange> getChanges() {
        return changes;
    }

    /** What the admin settled and corrected, in order (for the audit trail). */
    public List<String> getNotes() {
        return List.copyOf(notes);
    }

    public List<ParsedTask> tasksWithOpenTokens() {
        return plan.allTasks().stream().filter(t -> !t.unresolved().isEmpty()).toList();
    }

    public Optional<ParsedTask> task(int number) {
        return plan.allTasks().stream().filter(t -> t.number() == number).findFirst();
    }

    void replacePlan(ParsedPlan updated, String note) {
        this.plan = updated;
        this.notes.add(note);
    }

    void setSettings(ReportingSettings settings) {
        this.settings = settings;
    }

    void setChanges(List<PlanChange> changes) {
        this.changes = List.copyOf(changes);
    }
}
