package org.duban.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditService;
import org.duban.catalog.parse.CatalogParseException;
import org.duban.catalog.parse.CatalogParser;
import org.duban.catalog.parse.ParsedIndicator;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.catalog.parse.ParsedSection;
import org.duban.catalog.parse.ParsedTask;
import org.duban.org.Unit;
import org.duban.org.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a key-task document into the stored catalog. One transaction per import: a document that fails leaves nothing
 * behind, and importing the same plan again (same document number and year) changes nothing and reports what differs.
 */
@Service
public class CatalogImportService {

    private static final Logger log = LoggerFactory.getLogger(CatalogImportService.class);

    private final PlanRepository plans;
    private final PlanImportRepository imports;
    private final UnitService units;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CatalogImportService(PlanRepository plans, PlanImportRepository imports, UnitService units,
            AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.imports = imports;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Parses without storing anything (for previews and the command line). */
    @Transactional(readOnly = true)
    public ParsedPlan preview(byte[] content, String fileName) throws CatalogParseException {
        return new CatalogParser(units.snapshot()).parse(content, fileName);
    }

    @Transactional
    public ImportReport importPlan(byte[] content, String fileName, String actor) throws CatalogParseException {
        ParsedPlan parsed = numberedThroughout(new CatalogParser(units.snapshot()).parse(content, fileName));
        if (parsed.year() == null) {
            throw new CatalogParseException(fileName + ": 未能识别文件年度 / the document's year could not be found");
        }
        String documentNumber = parsed.documentNumber() != null ? parsed.documentNumber() : parsed.title();
        String sha256 = sha256(content);

        var existing = plans.findByDocumentNumberAndYear(documentNumber, parsed.year());
        if (existing.isPresent()) {
            return reimport(existing.get(), parsed, fileName, sha256, actor);
        }

        return create(parsed, fileName, sha256, actor, ReportingSettings.DEFAULT, List.of());
    }

    /**
     * Stores a new plan's catalog from a parsed (and possibly admin-settled) document with its reporting calendar,
     * and puts it to work ({@link PlanImportedEvent}). {@code notes} (e.g. how open tokens were settled) go to the
     * audit record.
     */
    ImportReport create(ParsedPlan parsed, String fileName, String sha256, String actor, ReportingSettings settings,
            List<String> notes) {
        String documentNumber = parsed.documentNumber() != null ? parsed.documentNumber() : parsed.title();
        Plan plan = new Plan(documentNumber, parsed.year(), parsed.title(), fileName, sha256, clock.instant(), actor);
        Map<String, Unit> unitsByName = new HashMap<>();
        for (ParsedSection parsedSection : parsed.sections()) {
            PlanSection section = plan.addSection(parsedSection.number(), parsedSection.label(),
                    parsedSection.title());
            for (ParsedTask parsedTask : parsedSection.tasks()) {
                KeyTask task = section.addTask(parsedTask.number(), parsedTask.title(), parsedTask.text());
                List<String> leads = parsedTask.leadUnits();
                for (int i = 0; i < leads.size(); i++) {
                    task.assign(unit(leads.get(i), unitsByName),
                            i == 0 ? AssignmentRole.PRIMARY_LEAD : AssignmentRole.LEAD);
                }
                for (String name : parsedTask.participatingUnits()) {
                    task.assign(unit(name, unitsByName), AssignmentRole.PARTICIPANT);
                }
                parsedTask.unresolved().forEach(task::addOpenToken);
                for (ParsedIndicator indicator : parsedTask.indicators()) {
                    task.addIndicator(indicator.text(), indicator.value(), indicator.unit(),
                            indicator.comparator());
                }
            }
        }
        settings.applyTo(plan);
        plans.save(plan);
        imports.save(new PlanImport(plan, fileName, sha256, PlanImport.Outcome.CREATED,
                String.join("\n", parsed.warnings()), null, clock.instant(), actor));
        int taskCount = parsed.sections().stream().mapToInt(s -> s.tasks().size()).sum();
        audit.record(actor, "PLAN_IMPORTED", "Plan", String.valueOf(plan.getId()),
                plan.getDocumentNumber() + " " + plan.getTitle() + ": " + parsed.sections().size() + " sections, "
                        + taskCount + " tasks, " + parsed.warnings().size() + " warnings",
                null, fileName + " sha256=" + sha256 + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)));
        events.publishEvent(new PlanImportedEvent(plan.getId(), plan.getDocumentNumber(), plan.getYear()));
        log.info("Imported plan {} ({}): {} sections, {} tasks, {} warnings", plan.getDocumentNumber(),
                plan.getYear(), parsed.sections().size(), taskCount, parsed.warnings().size());
        return new ImportReport(plan.getId(), plan.getDocumentNumber(), plan.getYear(), PlanImport.Outcome.CREATED,
                parsed.sections().size(), taskCount, parsed.warnings(), List.of());
    }

    private ImportReport reimport(Plan plan, ParsedPlan parsed, String fileName, String sha256, String actor) {
        List<String> differences = new ArrayList<>(CatalogSnapshot.of(plan).differencesTo(CatalogSnapshot.of(parsed)));
        if (!plan.getTitle().equals(parsed.title())) {
            differences.add(0, "标题: “" + plan.getTitle() + "” → “" + parsed.title() + "”");
        }
        PlanImport.Outcome outcome = differences.isEmpty() ? PlanImport.Outcome.UNCHANGED
                : PlanImport.Outcome.DIFFERENT;
        imports.save(new PlanImport(plan, fileName, sha256, outcome, String.join("\n", parsed.warnings()),
                String.join("\n", differences), clock.instant(), actor));
        audit.record(actor, "PLAN_REIMPORTED", "Plan", String.valueOf(plan.getId()),
                plan.getDocumentNumber() + ": " + outcome + ", " + differences.size() + " differences, nothing changed",
                null, null);
        int taskCount = parsed.sections().stream().mapToInt(s -> s.tasks().size()).sum();
        return new ImportReport(plan.getId(), plan.getDocumentNumber(), plan.getYear(), outcome,
                parsed.sections().size(), taskCount, parsed.warnings(), differences);
    }

    /**
     * Task numbers identify tasks within a plan (and their business keys). Documents that restart the numbering in
     * each section get their tasks numbered through in document order instead, with a warning saying so.
     */
    static ParsedPlan numberedThroughout(ParsedPlan parsed) {
        List<ParsedTask> all = parsed.allTasks();
        if (all.stream().map(ParsedTask::number).distinct().count() == all.size()) {
            return parsed;
        }
        int[] next = {0};
        List<ParsedSection> sections = parsed.sections().stream()
                .map(section -> new ParsedSection(section.number(), section.label(), section.title(),
                        section.tasks().stream()
                                .map(t -> new ParsedTask(++next[0], t.title(), t.text(), t.leadUnits(),
                                        t.participatingUnits(), t.unresolved(), t.indicators()))
                                .toList()))
                .toList();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.add("任务编号在文件中重复（各部分分别编号），已按文件顺序统一编号为1至" + next[0]
                + " / task numbers repeat (numbered per section); renumbered 1.." + next[0] + " in document order");
        return new ParsedPlan(parsed.title(), parsed.documentNumber(), parsed.year(), sections, warnings);
    }

    private Unit unit(String name, Map<String, Unit> cache) {
        return cache.computeIfAbsent(name, units::findOrRegisterUnknown);
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
