package org.duban.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.catalog.Comparator;
import org.duban.catalog.Indicator;
import org.duban.org.AppUser;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.duban.reporting.IndicatorActual;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportForm;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportSnapshot;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lead unit's review screens show: the reports waiting for my unit's review (paged in the engine), and for
 * one review task the report beside the same unit's previous-cycle report, the indicator targets with the reported
 * actuals, what changed since the version that was sent back, the decisions so far and the co-reviewers' opinions.
 * Only reviewers of the reviewing unit (or the co-reviewer asked) get any of it.
 */
@Service
@Transactional(readOnly = true)
public class ReviewQueries {

    public enum Mode {
        /** The lead unit's review task. */
        REVIEW,
        /** A co-reviewer's (加签) sub-task: read the report, give an opinion. */
        CO_REVIEW
    }

    public record ReviewItem(String engineTaskId, Long reportId, String businessKey, int taskNumber, String taskTitle,
            String unitName, String periodCode, int revision, int returnCount, LocalDate reviewDueOn,
            Instant submittedAt, String assignee, boolean overdue) {
    }

    /** The content of one report as the screen shows it. */
    public record ReportView(Long reportId, String businessKey, String periodCode, String status, int revision,
            String narrative, Integer percentDone, String problems, String nextSteps, boolean needsCoordination,
            Map<String, Object> extraFields, Instant submittedAt, String submittedBy) {
    }

    /** An indicator's target beside this report's actual and the previous cycle's. */
    public record IndicatorLine(Long indicatorId, String phrase, BigDecimal target, String measureUnit,
            Comparator comparator, BigDecimal actual, String note, BigDecimal previousActual) {
    }

    /** One field that differs between two submissions; {@code indicator} names the row of an indicator field. */
    public record FieldChange(String field, String indicator, String before, String after) {
    }

    public record DecisionLine(Instant decidedAt, String decidedBy, ReviewDecision.Stage stage,
            ReviewDecision.Outcome outcome, String reason, Map<String, String> fieldComments) {
    }

    public record CoReviewLine(String requestedBy, String coReviewer, CoReview.Status status, String opinion,
            Instant requestedAt, Instant answeredAt) {
    }

    public record Colleague(String username, String displayName, boolean reviewer) {
    }

    public record ReviewScreen(String engineTaskId, Mode mode, boolean actionable, boolean delegatedToMe,
            String assignee, boolean leaderSignoff, int taskNumber, String taskCode, String taskTitle,
            String unitName, String reviewerUnitName, ReportView current, ReportView previous,
            List<IndicatorLine> indicators, List<FieldChange> changes, List<DecisionLine> decisions,
            List<CoReviewLine> coReviews, List<Colleague> colleagues) {
    }

    static final String REVIEW_REPORT = ReviewService.REVIEW_REPORT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_COMPARED = Set.of(ReportForm.INDICATORS);

    private final TaskService taskService;
    private final EngineTasks engineTasks;
    private final ProgressReportRepository reports;
    private final ReportService reportService;
    private final ReviewDecisionRepository decisions;
    private final CoReviewRepository coReviews;
    private final CurrentUser currentUser;
    private final EntityManager em;
    private final Clock clock;

    public ReviewQueries(TaskService taskService, EngineTasks engineTasks, ProgressReportRepository reports,
            ReportService reportService, ReviewDecisionRepository decisions, CoReviewRepository coReviews,
            CurrentUser currentUser, EntityManager em, Clock clock) {
        this.taskService = taskService;
        this.engineTasks = engineTasks;
        this.reports = reports;
        this.reportService = reportService;
        this.decisions = decisions;
        this.coReviews = coReviews;
        this.currentUser = currentUser;
        this.em = em;
        this.clock = clock;
    }

    /** How many review tasks wait in my unit (claimed by anyone of it or not). */
    public long countAwaitingMyReview() {
        return reviewTasksOfMyUnit().count();
    }

    /** One page of my unit's review tasks, oldest first. */
    public List<ReviewItem> awaitingMyReview(int offset, int limit) {
        List<Task> page = reviewTasksOfMyUnit().orderByTaskCreateTime().asc().orderByTaskId().asc()
                .listPage(offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, ProgressReport> byInstance = em.createQuery("""
                select r from ProgressReport r join fetch r.task join fetch r.unit join fetch r.cycle
                where r.processInstanceId in :ids""", ProgressReport.class)
                .setParameter("ids", page.stream().map(Task::getProcessInstanceId).toList())
                .getResultList().stream()
                .collect(Collectors.toMap(ProgressReport::getProcessInstanceId, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        List<ReviewItem> items = new ArrayList<>();
        for (Task task : page) {
            ProgressReport r = byInstance.get(task.getProcessInstanceId());
            if (r == null) {
                continue;
            }
            items.add(new ReviewItem(task.getId(), r.getId(), r.getBusinessKey(), r.getTask().getNumber(),
                    r.getTask().getTitle(), r.getUnit().getName(), r.getCycle().getPeriodCode(), r.getRevision(),
                    r.getReturnCount(), r.getReviewDueOn(), r.getSubmittedAt(), task.getAssignee(),
                    r.getReviewDueOn() != null && r.getReviewDueOn().isBefore(today)));
        }
        return items;
    }

    private TaskQuery reviewTasksOfMyUnit() {
        DubanUserDetails user = currentUser.require();
        if (!user.hasRole(Role.REVIEWER)) {
            throw new WorkflowAccessException("只有牵头单位审核人可以审核报告 / only reviewers review reports");
        }
        return taskService.createTaskQuery().processDefinitionKey(ProcessKeys.PROGRESS_REPORT)
                .taskDefinitionKey(REVIEW_REPORT)
                .taskCandidateGroup(CandidateGroups.of(user.getUnitCode(), Role.REVIEWER)).includeAssignedTasks();
    }

    /** Everything the review screen shows for a review task, or a co-reviewer's sub-task; refused otherwise. */
    public ReviewScreen open(String engineTaskId) {
        DubanUserDetails user = currentUser.require();
        Task task = taskService.createTaskQuery().taskId(engineTaskId).singleResult();
        if (task == null) {
            throw new WorkflowAccessException("待办 " + engineTaskId + " 不存在或已办结 / task " + engineTaskId
                    + " does not exist or is already done");
        }
        ProgressReport report;
        Mode mode;
        boolean actionable;
        if (REVIEW_REPORT.equals(task.getTaskDefinitionKey())) {
            report = reportOf((Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_REPORT_ID));
            requireReviewerOf(report, user);
            mode = Mode.REVIEW;
            actionable = engineTasks.mayActOn(task, user);
        } else {
            CoReview coReview = coReviews.findByEngineTaskId(engineTaskId)
                    .filter(c -> c.getCoReviewer().equals(user.getUsername()))
                    .orElseThrow(() -> new WorkflowAccessException("您无权查看此待办 / " + user.getUsername()
                            + " may not open task " + engineTaskId));
            report = coReview.getReport();
            mode = Mode.CO_REVIEW;
            actionable = coReview.getStatus() == CoReview.Status.OPEN;
        }
        boolean delegatedToMe = task.getDelegationState() == DelegationState.PENDING
                && user.getUsername().equals(task.getAssignee());
        Optional<ProgressReport> previous = previousOf(report);
        List<IndicatorLine> indicators = new ArrayList<>();
        for (Indicator indicator : report.getTask().getIndicators()) {
            Optional<IndicatorActual> actual = report.actualFor(indicator.getId());
            indicators.add(new IndicatorLine(indicator.getId(), indicator.getPhrase(),
                    strip(indicator.getTargetValue()), indicator.getMeasureUnit(), indicator.getComparator(),
                    actual.map(IndicatorActual::getActualValue).map(ReviewQueries::strip).orElse(null),
                    actual.map(IndicatorActual::getNote).orElse(null),
                    previous.flatMap(p -> p.actualFor(indicator.getId())).map(IndicatorActual::getActualValue)
                            .map(ReviewQueries::strip).orElse(null)));
        }
        return new ReviewScreen(task.getId(), mode, actionable, delegatedToMe, task.getAssignee(),
                report.getUnit().isLeaderSignoff(), report.getTask().getNumber(), report.getTask().getCode(),
                report.getTask().getTitle(), report.getUnit().getName(), report.getReviewerUnit().getName(),
                view(report), previous.map(ReviewQueries::view).orElse(null), indicators, changes(report.getId()),
                decisionLines(report.getId()), coReviewLines(report.getId()),
                mode == Mode.REVIEW ? colleagues(user) : List.of());
    }

    /** The same unit's report on the same task in the cycle before this report's, if there is one. */
    public Optional<ReportView> previousCycle(Long reportId) {
        ProgressReport report = reportOf(reportId);
        requireMayRead(report, currentUser.require());
        return previousOf(report).map(ReviewQueries::view);
    }

    /**
     * What changed between the last two submissions: after a return, what the clerk (or leader) changed in the
     * resubmitted version. Empty after the first submission.
     */
    public List<FieldChange> changesSinceReturn(Long reportId) {
        requireMayRead(reportOf(reportId), currentUser.require());
        return changes(reportId);
    }

    private List<FieldChange> changes(Long reportId) {
        List<ReportSnapshot> submissions = reportService.submissions(reportId);
        if (submissions.size() < 2) {
            return List.of();
        }
        return diff(submissions.get(submissions.size() - 2).getContent(),
                submissions.get(submissions.size() - 1).getContent());
    }

    /** Field-by-field differences of two snapshots (JSON of the form's values); indicator rows matched by id. */
    static List<FieldChange> diff(String beforeJson, String afterJson) {
        Map<String, Object> before = parse(beforeJson);
        Map<String, Object> after = parse(afterJson);
        List<FieldChange> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            if (NOT_COMPARED.contains(key)) {
                continue;
            }
            String was = text(before.get(key));
            String now = text(after.get(key));
            if (!Objects.equals(was, now)) {
                changes.add(new FieldChange(key, null, was, now));
            }
        }
        Map<String, Map<String, Object>> rowsBefore = rows(before);
        Map<String, Map<String, Object>> rowsAfter = rows(after);
        Set<String> rowIds = new LinkedHashSet<>(rowsAfter.keySet());
        rowIds.addAll(rowsBefore.keySet());
        for (String id : rowIds) {
            Map<String, Object> was = rowsBefore.getOrDefault(id, Map.of());
            Map<String, Object> now = rowsAfter.getOrDefault(id, Map.of());
            String phrase = text(now.getOrDefault(ReportForm.ROW_TEXT, was.get(ReportForm.ROW_TEXT)));
            for (String field : List.of(ReportForm.ROW_ACTUAL, ReportForm.ROW_NOTE)) {
                String a = text(was.get(field));
                String b = text(now.get(field));
                if (!Objects.equals(a, b)) {
                    changes.add(new FieldChange(field, phrase, a, b));
                }
            }
        }
        return changes;
    }

    private static Map<String, Map<String, Object>> rows(Map<String, Object> values) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        if (values.get(ReportForm.INDICATORS) instanceof List<?> list) {
            int i = 0;
            for (Object row : list) {
                if (row instanceof Map<?, ?> map) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    Object id = copy.get(ReportForm.ROW_INDICATOR_ID);
                    rows.put(id == null ? "#" + i : String.valueOf(id), copy);
                }
                i++;
            }
        }
        return rows;
    }

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored submission is not JSON", e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("、"));
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private Optional<ProgressReport> previousOf(ProgressReport report) {
        return reports.earlierOf(report.getTask().getId(), report.getUnit().getId(),
                report.getCycle().getPeriodStart()).stream().findFirst();
    }

    private List<DecisionLine> decisionLines(Long reportId) {
        return decisions.findByReportIdOrderByDecidedAtAscIdAsc(reportId).stream()
                .map(d -> new DecisionLine(d.getDecidedAt(), d.getDecidedBy(), d.getStage(), d.getDecision(),
                        d.getReason(), comments(d.getFieldComments())))
                .toList();
    }

    private List<CoReviewLine> coReviewLines(Long reportId) {
        return coReviews.findByReportIdOrderByRequestedAt(reportId).stream()
                .map(c -> new CoReviewLine(c.getRequestedBy(), c.getCoReviewer(), c.getStatus(), c.getOpinion(),
                        c.getRequestedAt(), c.getAnsweredAt()))
                .toList();
    }

    /** Active users of my unit other than me: reviewers may take a review over, anyone may be asked for an opinion. */
    private List<Colleague> colleagues(DubanUserDetails user) {
        return em.createQuery("""
                select u from AppUser u join fetch u.unit un
                where un.code = :code and u.active = true and u.username <> :me order by u.username""", AppUser.class)
                .setParameter("code", user.getUnitCode()).setParameter("me", user.getUsername())
                .getResultList().stream()
                .map(u -> new Colleague(u.getUsername(), u.getDisplayName(), u.hasRole(Role.REVIEWER)))
                .toList();
    }

    private static Map<String, String> comments(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("", json);
        }
    }

    static ReportView view(ProgressReport r) {
        Map<String, Object> values = ReportForm.toValues(r);
        Map<String, Object> extra = new LinkedHashMap<>(values);
        List.of(ReportForm.NARRATIVE, ReportForm.PERCENT_DONE, ReportForm.PROBLEMS, ReportForm.NEXT_STEPS,
                ReportForm.NEEDS_COORDINATION, ReportForm.INDICATORS, ReportForm.ATTACHMENTS).forEach(extra::remove);
        return new ReportView(r.getId(), r.getBusinessKey(), r.getCycle().getPeriodCode(), r.getStatus().name(),
                r.getRevision(), r.getNarrative(), r.getPercentDone(), r.getProblems(), r.getNextSteps(),
                r.isNeedsCoordination(), extra, r.getSubmittedAt(), r.getSubmittedBy());
    }

    private ProgressReport reportOf(Long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("No progress report " + reportId));
    }

    private static void requireReviewerOf(ProgressReport report, DubanUserDetails user) {
        if (!user.hasRole(Role.REVIEWER) || !user.getUnitCode().equals(report.getReviewerUnit().getCode())) {
            throw new WorkflowAccessException("您不是此报告的审核人 / " + user.getUsername() + " is not a reviewer of "
                    + report.getReviewerUnit().getCode() + " for " + report.getBusinessKey());
        }
    }

    private static void requireMayRead(ProgressReport report, DubanUserDetails user) {
        boolean reviewer = user.hasRole(Role.REVIEWER)
                && user.getUnitCode().equals(report.getReviewerUnit().getCode());
        boolean ownUnit = user.getUnitCode().equals(report.getUnit().getCode());
        if (!reviewer && !ownUnit && !user.hasRole(Role.SUPERVISOR) && !user.hasRole(Role.ADMIN)) {
            throw new WorkflowAccessException("您无权查看此报告 / " + user.getUsername() + " may not read "
                    + report.getBusinessKey());
        }
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
