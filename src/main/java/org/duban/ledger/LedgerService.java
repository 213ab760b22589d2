package org.duban.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.duban.audit.AuditService;
import org.duban.catalog.AssignmentRole;
import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger (台账): one row per task × unit × cycle with its status light. Supervisors see every row; a lead unit's
 * reviewers see the rows of the tasks their unit leads; nobody else sees the ledger. Supervisors may override a
 * light with a reason, which is stored and written to the audit trail.
 */
@Service
public class LedgerService {

    static final String OVERRIDE_ACTION = "LEDGER_LIGHT_OVERRIDDEN";
    static final String CLEAR_ACTION = "LEDGER_OVERRIDE_CLEARED";

    private final LedgerQueries queries;
    private final LightOverrideRepository overrides;
    private final ProgressReportRepository reports;
    private final StatusLightRules rules;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public LedgerService(LedgerQueries queries, LightOverrideRepository overrides, ProgressReportRepository reports,
            StatusLightRules rules, AuditService audit, CurrentUser currentUser, Clock clock) {
        this.queries = queries;
        this.overrides = overrides;
        this.reports = reports;
        this.rules = rules;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What the current user may do with the ledger; refused for users who may not see it. */
    public LedgerAccess access() {
        DubanUserDetails user = currentUser.require();
        if (user.hasRole(Role.SUPERVISOR)) {
            return new LedgerAccess(null, true);
        }
        if (user.hasRole(Role.REVIEWER)) {
            return new LedgerAccess(user.getUnitCode(), false);
        }
        throw new AccessDeniedException("只有督查室和牵头单位审核人可以查看台账 / the ledger is for the supervision office and "
                + "lead units' reviewers");
    }

    /** Rows the screen fetches per request ({@code duban.ledger.page-size}). */
    public int pageSize() {
        return rules.properties().pageSize();
    }

    @Transactional(readOnly = true)
    public long count(LedgerFilter filter) {
        LedgerQueries.Visibility visibility = visibility();
        if (filter.light() != null) {
            return matchingLight(filter, visibility).size();
        }
        return queries.count(filter, visibility);
    }

    /** One page of rows in ledger order (the screen's lazy data provider). */
    @Transactional(readOnly = true)
    public List<LedgerRow> page(LedgerFilter filter, int offset, int limit) {
        LedgerQueries.Visibility visibility = visibility();
        if (filter.light() != null) {
            List<Long> ids = matchingLight(filter, visibility);
            List<Long> pageIds = ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + limit));
            return pageIds.isEmpty() ? List.of()
                    : rows(queries.select(filter, visibility, pageIds, 0, 0, false), false);
        }
        return rows(queries.select(filter, visibility, null, offset, limit, false), false);
    }

    /** Every row of the filter, chunk by chunk with the reported text, for exports that stream. */
    @Transactional(readOnly = true)
    public void forEachChunk(LedgerFilter filter, int chunkSize, Consumer<List<LedgerRow>> consumer) {
        LedgerQueries.Visibility visibility = visibility();
        if (filter.light() != null) {
            for (List<Long> ids : chunks(matchingLight(filter, visibility), chunkSize)) {
                consumer.accept(rows(queries.select(filter, visibility, ids, 0, 0, true), true));
            }
            return;
        }
        // ids in ledger order once, then each chunk by id: linear in the rows, where OFFSET paging was quadratic
        for (List<Long> ids : chunks(queries.orderedIds(filter, visibility), inListSize(chunkSize))) {
            consumer.accept(rows(queries.select(filter, visibility, ids, 0, 0, true), true));
        }
    }

    /** A chunk travels as an IN list: Oracle takes at most 1,000 expressions. */
    private static int inListSize(int chunkSize) {
        return Math.max(1, Math.min(chunkSize, 1_000));
    }

    /** The row of one report, if the current user may see it. */
    @Transactional(readOnly = true)
    public LedgerRow row(Long reportId) {
        List<LedgerQueries.Base> found = queries.select(LedgerFilter.all(), visibility(), List.of(reportId), 0, 0,
                true);
        if (found.isEmpty()) {
            throw new NotFoundException("No ledger row for report " + reportId);
        }
        return rows(found, true).get(0);
    }

    /** Sets a supervisor's light on a report; the reason is required. Replaces an earlier override. */
    @Transactional
    public StatusLight override(Long reportId, Light light, String reason) {
        DubanUserDetails user = requireSupervisor();
        if (light == null) {
            throw new IllegalArgumentException("请选择亮灯颜色 / choose a light");
        }
        String why = requireReason(reason);
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        LedgerRow before = row(reportId);
        overrides.findByReportIdAndClearedAtIsNull(reportId).ifPresent(o -> o.clear(user.getUsername(),
                clock.instant()));
        overrides.saveAndFlush(new LightOverride(report, light, why, user.getUsername(), clock.instant()));
        audit.record(user.getUsername(), OVERRIDE_ACTION, "ProgressReport", report.getBusinessKey(),
                "台账亮灯调整为 " + light + "：" + why, describe(before.light()), light.name());
        return row(reportId).light();
    }

    /** Removes the supervisor's light: the computed one shows again. */
    @Transactional
    public StatusLight clearOverride(Long reportId, String reason) {
        DubanUserDetails user = requireSupervisor();
        String why = requireReason(reason);
        LightOverride active = overrides.findByReportIdAndClearedAtIsNull(reportId)
                .orElseThrow(() -> new IllegalStateException("此行没有人工亮灯 / no override on report " + reportId));
        String before = active.getLight().name();
        active.clear(user.getUsername(), clock.instant());
        overrides.flush();
        StatusLight now = row(reportId).light();
        audit.record(user.getUsername(), CLEAR_ACTION, "ProgressReport", active.getReport().getBusinessKey(),
                "取消人工亮灯：" + why, before, describe(now));
        return now;
    }

    /** Every override ever set on a report, oldest first. */
    @Transactional(readOnly = true)
    public List<LightOverride> overridesOf(Long reportId) {
        requireSupervisor();
        return overrides.findByReportIdOrderBySetAtAscIdAsc(reportId);
    }

    private static String describe(StatusLight light) {
        return light.light().name() + " (" + light.rule().name() + ")";
    }

    private DubanUserDetails requireSupervisor() {
        DubanUserDetails user = currentUser.require();
        if (!user.hasRole(Role.SUPERVISOR)) {
            throw new AccessDeniedException("只有督查室可以调整亮灯 / only the supervision office may override a light");
        }
        return user;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请填写调整理由 / a reason is required");
        }
        String trimmed = reason.trim();
        return trimmed.length() <= 500 ? trimmed : trimmed.substring(0, 500);
    }

    private LedgerQueries.Visibility visibility() {
        return new LedgerQueries.Visibility(access().leadUnitCode());
    }

    /** Ids of the rows whose light matches, in ledger order: the light is computed, so it is decided here. */
    private List<Long> matchingLight(LedgerFilter filter, LedgerQueries.Visibility visibility) {
        List<Long> matching = new ArrayList<>();
        for (List<Long> ids : chunks(queries.orderedIds(filter, visibility), LedgerQueries.BATCH)) {
            for (LedgerRow row : rows(queries.select(filter, visibility, ids, 0, 0, false), false)) {
                if (row.light().light() == filter.light()) {
                    matching.add(row.reportId());
                }
            }
        }
        return matching;
    }

    private List<LedgerRow> rows(List<LedgerQueries.Base> bases, boolean withText) {
        if (bases.isEmpty()) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        List<Long> ids = bases.stream().map(LedgerQueries.Base::reportId).toList();
        Map<Long, List<Object[]>> assignments = queries.assignments(
                bases.stream().map(LedgerQueries.Base::taskId).toList());
        Map<Long, Instant> firsts = queries.firstSubmissions(ids);
        Map<Long, Instant> returns = queries.lastReturns(ids);
        Map<Long, LedgerQueries.OpenEscalation> open = queries.openEscalations(ids,
                rules.properties().escalatedFrom(), zone);
        Map<Long, LightOverride> overridden = queries.overrides(ids, overrides);
        Map<Long, List<LedgerRow.IndicatorProgress>> indicators = queries.indicators(ids);
        List<LedgerRow> rows = new ArrayList<>(bases.size());
        for (LedgerQueries.Base b : bases) {
            LedgerQueries.OpenEscalation escalation = open.get(b.reportId());
            LightFacts facts = new LightFacts(b.status(), b.dueOn(), b.reviewDueOn(),
                    day(firsts.get(b.reportId()), zone), day(b.approvedAt(), zone), b.returnCount(),
                    day(returns.get(b.reportId()), zone), escalation == null ? null : escalation.level(),
                    escalation == null ? null : escalation.since());
            StatusLight light = rules.evaluate(facts);
            LightOverride o = overridden.get(b.reportId());
            if (o != null) {
                light = light.overriddenBy(o.getLight(), o.getReason(), o.getSetBy(), o.getSetAt());
            }
            List<Object[]> units = assignments.getOrDefault(b.taskId(), List.of());
            List<String> leads = units.stream().filter(c -> ((AssignmentRole) c[1]).isLead())
                    .map(c -> (String) c[2]).toList();
            List<String> participants = units.stream().filter(c -> c[1] == AssignmentRole.PARTICIPANT)
                    .map(c -> (String) c[2]).toList();
            rows.add(new LedgerRow(b.reportId(), b.businessKey(), b.taskNumber(), b.taskCode(), b.taskTitle(),
                    b.sectionNumber(), b.sectionLabel(), b.sectionTitle(), b.unitCode(), b.unitName(), b.unitType(),
                    b.primaryLeadName(), leads, participants, b.cycleId(), b.periodCode(), b.dueOn(), b.status(),
                    b.percentDone(), b.returnCount(), b.escalationLevel(),
                    indicators.getOrDefault(b.reportId(), List.of()), withText ? b.narrative() : null,
                    withText ? b.problems() : null, light, null));
        }
        return rows;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /** Opened cycles, newest first, for the filter. */
    @Transactional(readOnly = true)
    public List<LedgerOptions.CycleOption> cycles() {
        access();
        return queries.cycleOptions();
    }

    @Transactional(readOnly = true)
    public List<LedgerOptions.SectionOption> sections() {
        access();
        return queries.sectionOptions();
    }

    /** Units that report (for the unit filter) or lead (for the lead-unit filter), in registry order. */
    @Transactional(readOnly = true)
    public List<LedgerOptions.UnitOption> units(boolean leads) {
        access();
        return queries.unitOptions(leads);
    }
}
