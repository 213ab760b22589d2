package org.duban.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.duban.audit.AuditService;
import org.duban.catalog.PlanChange.Kind;
import org.duban.catalog.parse.ParsedIndicator;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.catalog.parse.ParsedSection;
import org.duban.catalog.parse.ParsedTask;
import org.duban.org.Unit;
import org.duban.org.UnitService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The differences between a stored plan and a new version of its document, change by change, and applying the ones
 * an admin accepted. Nothing history points to is deleted: a task the new version drops is withdrawn, an indicator
 * that reports or work plans refer to is kept, changed indicators are corrected in place.
 */
@Service
class PlanDiffService {

    private final UnitService units;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final PlanRepository plans;

    PlanDiffService(UnitService units, AuditService audit, ApplicationEventPublisher events, JdbcTemplate jdbc,
            PlanRepository plans) {
        this.plans = plans;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Every difference from {@code stored} to {@code incoming}, task by task in number order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PlanChange> diff(Plan stored, ParsedPlan incoming) {
        Map<Integer, KeyTask> storedTasks = tasksOf(stored);
        Map<Integer, ParsedTask> incomingTasks = new LinkedHashMap<>();
        incoming.allTasks().forEach(t -> incomingTasks.put(t.number(), t));

        List<PlanChange> changes = new ArrayList<>();
        compareTitles(stored, incoming, changes);
        Map<Integer, ParsedSection> incomingSectionOf = new HashMap<>();
        incoming.sections().forEach(s -> s.tasks().forEach(t -> incomingSectionOf.put(t.number(), s)));
        for (KeyTask task : storedTasks.values()) {
            ParsedTask other = incomingTasks.get(task.getNumber());
            if (other == null) {
                if (task.getStatus() == TaskStatus.ACTIVE) {
                    changes.add(PlanChange.of(Kind.TASK_WITHDRAWN, task.getNumber(), task.getTitle(),
                            TaskStatus.ACTIVE.name(), TaskStatus.WITHDRAWN.name()));
                }
                continue;
            }
            if (task.getStatus() == TaskStatus.WITHDRAWN) {
                changes.add(PlanChange.of(Kind.TASK_RESTORED, task.getNumber(), task.getTitle(),
                        TaskStatus.WITHDRAWN.name(), TaskStatus.ACTIVE.name()));
            }
            ParsedSection movedTo = incomingSectionOf.get(task.getNumber());
            if (movedTo != null && movedTo.number() != task.getSection().getNumber()) {
                changes.add(PlanChange.of(Kind.TASK_MOVED, task.getNumber(), task.getTitle(),
                        task.getSection().getLabel(), movedTo.label()).blockedBecause(
                        "任务所属板块的调整不在已存计划上应用，其余变更照常 / a move to another section is not applied to a"
                                + " stored plan; the task's other changes apply as usual"));
            }
            compareTask(task, other, changes);
        }
        for (ParsedTask task : incomingTasks.values()) {
            if (!storedTasks.containsKey(task.number())) {
                changes.add(PlanChange.of(Kind.TASK_ADDED, task.number(), task.title(), null, task.text()));
            }
        }
        changes.sort(Comparator.comparingInt(PlanChange::taskNumber));
        return changes;
    }

    /** The plan's title, and the title of each section both versions have (matched by numeral). */
    private static void compareTitles(Plan stored, ParsedPlan incoming, List<PlanChange> out) {
        if (incoming.title() != null && !incoming.title().equals(stored.getTitle())) {
            out.add(PlanChange.of(Kind.PLAN_RETITLED, 0, null, stored.getTitle(), incoming.title()));
        }
        for (ParsedSection section : incoming.sections()) {
            stored.getSections().stream().filter(s -> s.getNumber() == section.number()).findFirst()
                    .filter(s -> !s.getTitle().equals(section.title()))
                    .ifPresent(s -> out.add(PlanChange.of(Kind.SECTION_RETITLED, 0, s.getLabel(), s.getTitle(),
                            section.title())));
        }
    }

    private void compareTask(KeyTask task, ParsedTask other, List<PlanChange> out) {
        int no = task.getNumber();
        if (!task.getTitle().equals(other.title()) || !task.getBody().equals(other.text())) {
            out.add(PlanChange.of(Kind.TASK_TEXT_CHANGED, no, other.title(), task.getBody(), other.text()));
        }
        Map<String, AssignmentRole> storedRoles = new LinkedHashMap<>();
        task.getAssignments().forEach(a -> storedRoles.put(a.getUnit().getName(), a.getRole()));
        Map<String, AssignmentRole> incomingRoles = rolesOf(other);
        incomingRoles.forEach((unit, role) -> {
            AssignmentRole was = storedRoles.get(unit);
            if (was == null) {
                out.add(PlanChange.of(Kind.UNIT_ADDED, no, unit, null, role.name()));
            } else if (was != role) {
                out.add(PlanChange.of(Kind.UNIT_ROLE_CHANGED, no, unit, was.name(), role.name()));
            }
        });
        storedRoles.forEach((unit, role) -> {
            if (!incomingRoles.containsKey(unit)) {
                out.add(PlanChange.of(Kind.UNIT_REMOVED, no, unit, role.name(), null));
            }
        });

        List<String> storedTokens = task.getOpenTokens().stream().map(TaskOpenToken::getToken).distinct().toList();
        other.unresolved().stream().filter(t -> !storedTokens.contains(t))
                .forEach(t -> out.add(PlanChange.of(Kind.OPEN_TOKEN_ADDED, no, t, null, t)));
        storedTokens.stream().filter(t -> !other.unresolved().contains(t))
                .forEach(t -> out.add(PlanChange.of(Kind.OPEN_TOKEN_REMOVED, no, t, t, null)));

        // indicators are paired by content first, so an inserted or dropped target shifts no other (see the class)
        for (IndicatorAlignment.Pair pair : IndicatorAlignment.align(task.getIndicators(), other.indicators())) {
            PlanChange change = indicatorChange(no, pair);
            if (change != null && change.kind() == Kind.INDICATOR_REMOVED && isReferenced(pair.stored())) {
                change = change.blockedBecause("已有填报或工作计划引用该指标，保留不删 / reports or work plans refer to it");
            }
            if (change != null) {
                out.add(change);
            }
        }
    }

    /**
     * The change a pair of indicators makes; null when they are the same. A removed or changed indicator is named by
     * its stored position, an added one by its position in the document.
     */
    private static PlanChange indicatorChange(int taskNumber, IndicatorAlignment.Pair pair) {
        if (pair.added()) {
            return PlanChange.of(Kind.INDICATOR_ADDED, taskNumber, String.valueOf(pair.incomingPosition()), null,
                    show(pair.incoming()));
        }
        if (pair.removed()) {
            return PlanChange.of(Kind.INDICATOR_REMOVED, taskNumber, String.valueOf(pair.storedPosition()),
                    show(pair.stored()), null);
        }
        return pair.changed() ? PlanChange.of(Kind.INDICATOR_CHANGED, taskNumber,
                String.valueOf(pair.storedPosition()), show(pair.stored()), show(pair.incoming())) : null;
    }

    /**
     * Applies the accepted changes in one go. Each id must still be a difference between the stored plan and the
     * document as it is now (someone may have changed the plan since the preview); otherwise nothing is applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PlanUpdateReport apply(Plan plan, ParsedPlan incoming, Set<String> accepted, String actor) {
        List<PlanChange> current = diff(plan, incoming);
        Map<String, PlanChange> byId = new LinkedHashMap<>();
        current.forEach(c -> byId.put(c.id(), c));
        for (String id : accepted) {
            PlanChange change = byId.get(id);
            if (change == null) {
                throw new PlanImportException("changedSinceSeen",
                        "the stored plan changed since the preview (" + id + " no longer differs); upload the file again",
                        id);
            }
            if (!change.applicable()) {
                throw new PlanImportException("blockedChange", change.describe() + ": " + change.blocked(),
                        change.describe(), change.blocked());
            }
        }
        List<PlanChange> toApply = current.stream().filter(c -> accepted.contains(c.id()))
                .sorted(Comparator.comparingInt(PlanChange::taskNumber).thenComparingInt(c -> order(c)))
                .toList();
        Map<Integer, KeyTask> tasks = tasksOf(plan);
        Map<Integer, ParsedTask> incomingTasks = new HashMap<>();
        incoming.allTasks().forEach(t -> incomingTasks.put(t.number(), t));
        Map<String, Unit> unitCache = new HashMap<>();
        List<KeyTask> added = new ArrayList<>();
        List<KeyTask> withdrawn = new ArrayList<>();
        // indicator changes name positions: pair them up before removals shift the stored ones
        Map<String, IndicatorAlignment.Pair> indicatorPairOf = new HashMap<>();
        toApply.stream().filter(c -> c.kind().name().startsWith("INDICATOR_")).map(PlanChange::taskNumber).distinct()
                .forEach(no -> IndicatorAlignment.align(tasks.get(no).getIndicators(),
                        incomingTasks.get(no).indicators()).forEach(pair -> {
                            PlanChange change = indicatorChange(no, pair);
                            if (change != null) {
                                indicatorPairOf.put(change.id(), pair);
                            }
                        }));
        for (PlanChange change : toApply) {
            KeyTask task = tasks.get(change.taskNumber());
            ParsedTask source = incomingTasks.get(change.taskNumber());
            switch (change.kind()) {
                case TASK_ADDED -> {
                    task = addTask(plan, incoming, source, unitCache);
                    tasks.put(task.getNumber(), task);
                    added.add(task);
                }
                case TASK_WITHDRAWN -> {
                    task.setStatus(TaskStatus.WITHDRAWN);
                    withdrawn.add(task);
                }
                case TASK_RESTORED -> task.setStatus(TaskStatus.ACTIVE);
                case TASK_TEXT_CHANGED -> task.revise(source.title(), source.text());
                case UNIT_ADDED, UNIT_ROLE_CHANGED -> setRole(task, unit(change.subject(), unitCache),
                        AssignmentRole.valueOf(change.after()));
                case UNIT_REMOVED -> task.unassign(unit(change.subject(), unitCache));
                case OPEN_TOKEN_ADDED -> task.addOpenToken(change.subject());
                case OPEN_TOKEN_REMOVED -> task.removeOpenToken(change.subject());
                case INDICATOR_ADDED -> {
                    ParsedIndicator i = indicatorPairOf.get(change.id()).incoming();
                    task.addIndicator(i.text(), i.value(), i.unit(), i.comparator());
                }
                case INDICATOR_CHANGED -> {
                    ParsedIndicator i = indicatorPairOf.get(change.id()).incoming();
                    indicatorPairOf.get(change.id()).stored().revise(i.text(), i.value(), i.unit(), i.comparator());
                }
                case INDICATOR_REMOVED -> task.removeIndicator(indicatorPairOf.get(change.id()).stored());
                case PLAN_RETITLED -> plan.retitle(change.after());
                case SECTION_RETITLED -> plan.getSections().stream().filter(s -> s.getLabel().equals(change.subject()))
                        .findFirst().orElseThrow().retitle(change.after());
                case TASK_MOVED -> throw new IllegalStateException("a move is never applicable: " + change.id());
            }
            if (change.taskNumber() == 0) {
                audit.record(actor, "PLAN_CHANGE_APPLIED", "Plan", String.valueOf(plan.getId()), change.describe(),
                        change.before(), change.after());
            } else {
                audit.record(actor, "PLAN_CHANGE_APPLIED", "KeyTask", plan.taskCode(change.taskNumber()),
                        change.describe(), change.before(), change.after());
            }
        }
        toApply.stream().map(c -> tasks.get(c.taskNumber())).filter(Objects::nonNull).distinct()
                .forEach(PlanDiffService::keepAPrimaryLead);
        plans.flush(); // added tasks need their ids before their processes start
        added.forEach(t -> events.publishEvent(new KeyTaskAddedEvent(t.getId(), t.getCode())));
        withdrawn.forEach(t -> events.publishEvent(new KeyTaskWithdrawnEvent(t.getId(), t.getCode())));
        List<PlanChange> notApplied = current.stream().filter(c -> !accepted.contains(c.id())).toList();
        return new PlanUpdateReport(plan.getId(), plan.getDocumentNumber(), plan.getYear(), toApply, notApplied);
    }

    /** Removals and demotions before additions and promotions, so a task never holds a unit twice. */
    private static int order(PlanChange change) {
        return switch (change.kind()) {
            case TASK_ADDED, TASK_RESTORED, TASK_WITHDRAWN, TASK_TEXT_CHANGED -> 0;
            case UNIT_REMOVED, OPEN_TOKEN_REMOVED, INDICATOR_REMOVED -> 1;
            case UNIT_ROLE_CHANGED, UNIT_ADDED -> AssignmentRole.PRIMARY_LEAD.name().equals(change.after()) ? 3 : 2;
            default -> 2;
        };
    }

    private static void setRole(KeyTask task, Unit unit, AssignmentRole role) {
        if (role == AssignmentRole.PRIMARY_LEAD) {
            task.changePrimaryLead(unit);
            return;
        }
        Optional<TaskAssignment> existing = task.getAssignments().stream().filter(a -> a.getUnit().equals(unit))
                .findFirst();
        if (existing.isPresent()) {
            existing.get().changeRole(role);
        } else {
            task.assign(unit, role);
        }
    }

    /** The first lead listed answers for a task: if the accepted changes left leads but no primary, the first leads. */
    private static void keepAPrimaryLead(KeyTask task) {
        if (task.primaryLead().isEmpty()) {
            task.getAssignments().stream().filter(a -> a.getRole() == AssignmentRole.LEAD)
                    .min(Comparator.comparingInt(TaskAssignment::getSeq))
                    .ifPresent(a -> a.changeRole(AssignmentRole.PRIMARY_LEAD));
        }
    }

    private KeyTask addTask(Plan plan, ParsedPlan incoming, ParsedTask source, Map<String, Unit> unitCache) {
        ParsedSection parsedSection = incoming.sections().stream()
                .filter(s -> s.tasks().stream().anyMatch(t -> t.number() == source.number())).findFirst()
                .orElseThrow();
        PlanSection section = plan.getSections().stream().filter(s -> s.getNumber() == parsedSection.number())
                .findFirst()
                .orElseGet(() -> plan.addSection(parsedSection.number(), parsedSection.label(), parsedSection.title()));
        KeyTask task = section.addTask(source.number(), source.title(), source.text());
        rolesOf(source).forEach((name, role) -> task.assign(unit(name, unitCache), role));
        source.unresolved().forEach(task::addOpenToken);
        source.indicators().forEach(i -> task.addIndicator(i.text(), i.value(), i.unit(), i.comparator()));
        return task;
    }

    private Unit unit(String name, Map<String, Unit> cache) {
        return cache.computeIfAbsent(name, units::findOrRegisterUnknown);
    }

    static Map<String, AssignmentRole> rolesOf(ParsedTask task) {
        Map<String, AssignmentRole> roles = new LinkedHashMap<>();
        List<String> leads = task.leadUnits();
        for (int i = 0; i < leads.size(); i++) {
            roles.putIfAbsent(leads.get(i), i == 0 ? AssignmentRole.PRIMARY_LEAD : AssignmentRole.LEAD);
        }
        task.participatingUnits().forEach(p -> roles.putIfAbsent(p, AssignmentRole.PARTICIPANT));
        return roles;
    }

    private static Map<Integer, KeyTask> tasksOf(Plan plan) {
        Map<Integer, KeyTask> tasks = new LinkedHashMap<>();
        plan.getSections().stream().flatMap(s -> s.getTasks().stream())
                .sorted(Comparator.comparingInt(KeyTask::getNumber)).forEach(t -> tasks.put(t.getNumber(), t));
        return tasks;
    }

    /** Reported actuals and planned shares keep their indicator (foreign keys in V5); such an indicator stays. */
    private boolean isReferenced(Indicator indicator) {
        if (indicator.getId() == null) {
            return false;
        }
        Integer actuals = jdbc.queryForObject("SELECT COUNT(*) FROM report_indicator_actual WHERE indicator_id = ?",
                Integer.class, indicator.getId());
        Integer shares = jdbc.queryForObject("SELECT COUNT(*) FROM work_plan_share WHERE indicator_id = ?",
                Integer.class, indicator.getId());
        return (actuals != null && actuals > 0) || (shares != null && shares > 0);
    }

    private static String show(Indicator i) {
        return show(i.getPhrase(), i.getTargetValue(), i.getMeasureUnit(), i.getComparator());
    }

    static String show(ParsedIndicator i) {
        return show(i.text(), i.value(), i.unit(), i.comparator());
    }

    private static String show(String phrase, BigDecimal value, String unit,
            org.duban.catalog.Comparator comparator) {
        return phrase + " [" + comparator + " " + value.stripTrailingZeros().toPlainString()
                + Objects.toString(unit, "") + "]";
    }
}
