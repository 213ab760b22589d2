package org.duban.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.audit.AuditService;
import org.duban.catalog.parse.CatalogParseException;
import org.duban.catalog.parse.CatalogParser;
import org.duban.catalog.parse.ParsedIndicator;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.catalog.parse.ParsedSection;
import org.duban.catalog.parse.ParsedTask;
import org.duban.org.UnitRef;
import org.duban.org.UnitService;
import org.duban.org.UnitType;
import org.duban.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's plan import: upload → preview (nothing stored) → settle open tokens such as 有关县区政府, correct
 * indicators, set the reporting calendar → confirm. A document whose plan (document number and year) is stored already
 * is a re-import: the preview lists the differences and only the accepted ones are applied, in one transaction.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class PlanImportPreviewService {

    /** Larger than any key-task list seen (the Heze .docx is ~60 KB); keeps uploads from filling the heap. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final List<String> ACCEPTED_TYPES = List.of(".txt", ".docx");
    static final int MAX_MEASURE_UNIT = 20;

    private final UnitService units;
    private final PlanRepository plans;
    private final PlanImportRepository imports;
    private final CatalogImportService importer;
    private final PlanDiffService differ;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    PlanImportPreviewService(UnitService units, PlanRepository plans, PlanImportRepository imports,
            CatalogImportService importer, PlanDiffService differ, AuditService audit, CurrentUser currentUser,
            Clock clock) {
        this.units = units;
        this.plans = plans;
        this.imports = imports;
        this.importer = importer;
        this.differ = differ;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Reads the upload into a draft; reads the stored plan of the same number and year, writes nothing. */
    @Transactional(readOnly = true)
    public PlanDraft preview(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (ACCEPTED_TYPES.stream().noneMatch(lower::endsWith)) {
            throw new PlanImportException("wrongType",
                    "only .txt and .docx plans can be imported, not " + (name.isEmpty() ? "(unnamed)" : name), name);
        }
        if (content == null || content.length == 0) {
            throw new PlanImportException("empty", "the file is empty: " + name, name);
        }
        if (content.length > MAX_BYTES) {
            throw new PlanImportException("tooLarge", name + " has " + content.length + " bytes; at most " + MAX_BYTES
                    + " are accepted", name, String.valueOf(MAX_BYTES / 1024 / 1024));
        }
        ParsedPlan parsed;
        try {
            parsed = CatalogImportService.numberedThroughout(new CatalogParser(units.snapshot()).parse(content, name));
        } catch (CatalogParseException e) {
            throw new PlanImportException("unreadable", e.getMessage(), name, e.getMessage());
        }
        if (documentNumberOf(parsed) == null) {
            throw new PlanImportException("noTitle", name + ": neither a document number nor a title was found",
                    name);
        }
        if (parsed.year() == null) {
            throw new PlanImportException("noYear", name + ": the plan's year could not be found in its title or "
                    + "document number", name);
        }
        PlanDraft draft = new PlanDraft(name, CatalogImportService.sha256(content), parsed,
                plans.findByDocumentNumberAndYear(documentNumberOf(parsed), parsed.year()).map(Plan::getId)
                        .orElse(null),
                currentUser.nameOrSystem());
        refreshChanges(draft);
        return draft;
    }

    /** The units an admin may choose for a token: counties and zones for 县区 tokens, any active unit otherwise. */
    @Transactional(readOnly = true)
    public List<UnitRef> settleableUnits(String token) {
        boolean counties = token != null && (token.contains("县") || token.contains("区"));
        return counties ? units.snapshot().ofTypes(UnitType.COUNTY, UnitType.ZONE)
                : units.snapshot().ofTypes(UnitType.values());
    }

    /**
     * Settles an open token of one task: the chosen units become participants of the task (a unit already assigned
     * keeps its role) and the token is gone from the draft.
     */
    @Transactional(readOnly = true)
    public PlanDraft settle(PlanDraft draft, int taskNumber, String token, Collection<String> unitCodes) {
        ParsedTask task = task(draft, taskNumber);
        if (!task.unresolved().contains(token)) {
            throw new PlanImportException("unknownToken", "task " + taskNumber + " has no open token " + token,
                    String.valueOf(taskNumber), String.valueOf(token));
        }
        if (unitCodes == null || unitCodes.isEmpty()) {
            throw new PlanImportException("noUnitsChosen", "choose at least one unit for " + token + " (task "
                    + taskNumber + ")", token, String.valueOf(taskNumber));
        }
        Map<String, UnitRef> allowed = settleableUnits(token).stream()
                .collect(Collectors.toMap(UnitRef::code, Function.identity()));
        List<String> names = new ArrayList<>();
        for (String code : new LinkedHashSet<>(unitCodes)) {
            UnitRef unit = allowed.get(code);
            if (unit == null) {
                throw new PlanImportException("unitNotAllowed", code + " is not a unit that can stand for " + token,
                        code, token);
            }
            names.add(unit.name());
        }
        List<String> participants = new ArrayList<>(task.participatingUnits());
        names.stream().filter(n -> !task.leadUnits().contains(n) && !participants.contains(n))
                .forEach(participants::add);
        List<String> unresolved = task.unresolved().stream().filter(t -> !t.equals(token)).toList();
        ParsedTask settled = new ParsedTask(task.number(), task.title(), task.text(), task.leadUnits(), participants,
                unresolved, task.indicators());
        draft.replacePlan(withTask(draft.getPlan(), settled),
                "任务" + taskNumber + " " + token + " → " + String.join("、", names));
        refreshChanges(draft);
        return draft;
    }

    /** Corrects the {@code position}-th indicator (from 1) of a task: target value, unit of measure, comparator. */
    @Transactional(readOnly = true)
    public PlanDraft correctIndicator(PlanDraft draft, int taskNumber, int position, BigDecimal value,
            String measureUnit, Comparator comparator) {
        ParsedTask task = task(draft, taskNumber);
        if (position < 1 || position > task.indicators().size()) {
            throw new PlanImportException("unknownIndicator", "task " + taskNumber + " has no indicator " + position,
                    String.valueOf(taskNumber), String.valueOf(position));
        }
        if (value == null || value.signum() < 0) {
            throw new PlanImportException("badValue", "the target value must be a number of 0 or more",
                    String.valueOf(value));
        }
        String unit = measureUnit == null ? "" : measureUnit.strip();
        if (unit.length() > MAX_MEASURE_UNIT) {
            throw new PlanImportException("badMeasureUnit", "the unit of measure has at most " + MAX_MEASURE_UNIT
                    + " characters", String.valueOf(MAX_MEASURE_UNIT));
        }
        if (comparator == null) {
            throw new PlanImportException("badComparator", "choose how the target is meant (at least, at most, …)");
        }
        List<ParsedIndicator> indicators = new ArrayList<>(task.indicators());
        ParsedIndicator old = indicators.get(position - 1);
        ParsedIndicator corrected = new ParsedIndicator(old.text(), value, unit, comparator);
        indicators.set(position - 1, corrected);
        ParsedTask updated = new ParsedTask(task.number(), task.title(), task.text(), task.leadUnits(),
                task.participatingUnits(), task.unresolved(), indicators);
        draft.replacePlan(withTask(draft.getPlan(), updated), "任务" + taskNumber + " 指标" + position + ": "
                + PlanDiffService.show(old) + " → " + PlanDiffService.show(corrected));
        refreshChanges(draft);
        return draft;
    }

    /** The reporting calendar the new plan gets: frequency, due day (1–31, capped by the month), first period. */
    public PlanDraft setCalendar(PlanDraft draft, ReportingSettings settings) {
        if (settings == null) {
            throw new PlanImportException("badFrequency", "choose monthly or quarterly reporting");
        }
        if (settings.dueDay() < 1 || settings.dueDay() > 31) {
            throw new PlanImportException("badDueDay", "the due day is a day of the month, 1 to 31",
                    String.valueOf(settings.dueDay()));
        }
        if (settings.firstPeriod() < 1 || settings.firstPeriod() > settings.periods()) {
            throw new PlanImportException("badFirstPeriod", "the first cycle is 1 to " + settings.periods(),
                    String.valueOf(settings.firstPeriod()), String.valueOf(settings.periods()));
        }
        draft.setSettings(settings);
        return draft;
    }

    /** Stores a new plan from the draft, with its calendar, and puts it to work. */
    @Transactional
    public ImportReport confirm(PlanDraft draft) {
        if (draft.isReimport() || plans.findByDocumentNumberAndYear(draft.getDocumentNumber(), draft.getYear())
                .isPresent()) {
            throw new PlanImportException("alreadyImported", draft.getDocumentNumber() + " (" + draft.getYear()
                    + ") is stored already; upload it again to see the differences", draft.getDocumentNumber(),
                    String.valueOf(draft.getYear()));
        }
        return importer.create(draft.getPlan(), draft.getFileName(), draft.getSha256(), currentUser.nameOrSystem(),
                draft.getSettings(), draft.getNotes());
    }

    /** Applies the accepted differences of a re-import in one transaction, each one audited. */
    @Transactional
    public PlanUpdateReport applyChanges(PlanDraft draft, Set<String> acceptedIds) {
        Plan plan = draft.getStoredPlanId().flatMap(plans::findById).orElseThrow(() -> new PlanImportException(
                "notImported", draft.getDocumentNumber() + " is not stored yet; confirm the import instead",
                draft.getDocumentNumber()));
        if (acceptedIds == null || acceptedIds.isEmpty()) {
            throw new PlanImportException("nothingSelected", "select at least one change to apply");
        }
        String actor = currentUser.nameOrSystem();
        PlanUpdateReport report = differ.apply(plan, draft.getPlan(), acceptedIds, actor);
        List<String> lines = new ArrayList<>();
        report.applied().forEach(c -> lines.add("已采纳 / applied: " + c.describe()));
        report.notApplied().forEach(c -> lines.add("未采纳 / not applied: " + c.describe()));
        imports.save(new PlanImport(plan, draft.getFileName(), draft.getSha256(), PlanImport.Outcome.UPDATED,
                String.join("\n", draft.getPlan().warnings()), String.join("\n", lines), clock.instant(), actor));
        audit.record(actor, "PLAN_REIMPORT_APPLIED", "Plan", String.valueOf(plan.getId()),
                plan.getDocumentNumber() + ": " + report.applied().size() + " changes applied, "
                        + report.notApplied().size() + " not applied",
                null, draft.getFileName() + (draft.getNotes().isEmpty() ? ""
                        : "\n" + String.join("\n", draft.getNotes())));
        return report;
    }

    private void refreshChanges(PlanDraft draft) {
        draft.setChanges(draft.getStoredPlanId().flatMap(plans::findById)
                .map(stored -> differ.diff(stored, draft.getPlan())).orElse(List.of()));
    }

    private static ParsedTask task(PlanDraft draft, int number) {
        return draft.task(number).orElseThrow(() -> new PlanImportException("unknownTask",
                "the plan has no task " + number, String.valueOf(number)));
    }

    private static ParsedPlan withTask(ParsedPlan plan, ParsedTask replacement) {
        List<ParsedSection> sections = plan.sections().stream()
                .map(s -> new ParsedSection(s.number(), s.label(), s.title(), s.tasks().stream()
                        .map(t -> t.number() == replacement.number() ? replacement : t).toList()))
                .toList();
        return new ParsedPlan(plan.title(), plan.documentNumber(), plan.year(), sections, plan.warnings());
    }

    private static String documentNumberOf(ParsedPlan parsed) {
        return parsed.documentNumber() != null ? parsed.documentNumber() : parsed.title();
    }
}
