package org.duban.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.catalog.KeyTask;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.reporting.ReportStatus;
import org.duban.reporting.ReportingCycle;
import org.duban.security.DubanUserDetails;
import org.duban.review.ReviewService;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox as the screens call it, on the seed plan's 2023Q1 (overdue by June) and 2023Q2 cycles. Works on 曹县's and
 * 单县's reports of tasks 81–86, which no other test class touches. Run on H2 and on PostgreSQL: the inbox's task
 * selection is its own SQL (InboxTaskSql), and each database plans it its own way.
 */
abstract class InboxServiceContract extends WorkflowTestSupport {

    @Autowired InboxService inbox;
    @Autowired ReportService reportService;
    @Autowired ReviewService reviewService;
    @Autowired ReportScreenService screens;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService userDetails;

    private ReportingCycle q1;
    private ReportingCycle q2;

    @BeforeEach
    void cyclesOpen() {
        q1 = openCycle("2023Q1");
        q2 = openCycle("2023Q2");
    }

    @Test
    void clerkSeesHerUnitsReportsAndNeverAnotherCountys() {
        List<InboxRow> caoxian = rows("caoxian.clerk", InboxFilter.all().withCycle(q2.getId()));
        long writable = tx.execute(s -> reports.findByCycleId(q2.getId()).stream()
                .filter(r -> r.getUnit().getCode().equals("CAOXIAN") && r.getStatus().isEditableByClerk()).count());

        assertThat(writable).isGreaterThan(50);
        assertThat(caoxian).filteredOn(r -> r.activityId().equals("fillReport")).hasSize((int) writable);
        assertThat(caoxian).allSatisfy(r -> assertThat(r.businessKey()).contains("-CAOXIAN"));
        assertThat(caoxian).filteredOn(r -> r.activityId().equals("fillReport"))
                .allSatisfy(r -> assertThat(r.unitName()).isEqualTo("曹县"));
        assertThat(actors.as("caoxian.clerk", () -> inbox.count(InboxFilter.all().withCycle(q2.getId()))))
                .isEqualTo(caoxian.size());

        List<InboxRow> shanxian = rows("shanxian.clerk", InboxFilter.all().withCycle(q2.getId()));
        assertThat(shanxian).isNotEmpty().noneMatch(r -> r.businessKey().contains("-CAOXIAN"));
        assertThat(rows("shanxian.clerk", InboxFilter.all().withTaskNumber(81).withCycle(q2.getId())))
                .extracting(InboxRow::businessKey).containsExactly("2023-T81-2023Q2-SHANXIAN");
    }

    @Test
    void oneRowCarriesWhatTheTaskIsAbout() {
        KeyTask t81 = task(81);
        List<InboxRow> rows = rows("caoxian.clerk", InboxFilter.all().withTaskNumber(81).withCycle(q2.getId()));

        assertThat(rows).hasSize(1);
        InboxRow row = rows.get(0);
        assertThat(row.businessKey()).isEqualTo("2023-T81-2023Q2-CAOXIAN");
        assertThat(row.taskName()).isEqualTo("填报进展");
        assertThat(row.taskNumber()).isEqualTo(81);
        assertThat(row.taskTitle()).isEqualTo(t81.getTitle());
        assertThat(row.unitName()).isEqualTo("曹县");
        assertThat(row.cycleCode()).isEqualTo("2023Q2");
        assertThat(row.dueOn()).isEqualTo(report(81, "CAOXIAN", "2023Q2").getDueOn());
        assertThat(row.reportId()).isEqualTo(report(81, "CAOXIAN", "2023Q2").getId());
        assertThat(row.claimable()).isTrue();
        assertThat(row.overdue()).isFalse();
        assertThat(row.returned()).isFalse();
        // the number without a cycle: that task of the plan, every cycle (the plan is named: other tests in this
        // JVM import plans of later years, and without a plan the newest plan's task is meant)
        assertThat(rows("caoxian.clerk", InboxFilter.all().withPlan(seedPlan().getId()).withTaskNumber(81)))
                .extracting(InboxRow::businessKey)
                .containsExactlyInAnyOrder("2023-T81-2023Q1-CAOXIAN", "2023-T81-2023Q2-CAOXIAN");
    }

    @Test
    void sectionStatusAndDueWindowNarrowTheList() {
        KeyTask t82 = task(82);
        Set<Integer> numbersInSection = new HashSet<>(tx.execute(s -> keyTasks.findAllOfPlan(seedPlan().getId())
                .stream().filter(t -> t.getSection().getId().equals(t82.getSection().getId()))
                .map(KeyTask::getNumber).toList()));
        List<InboxRow> section = rows("caoxian.clerk",
                InboxFilter.all().withSection(t82.getSection().getId()).withCycle(q2.getId()));
        assertThat(section).isNotEmpty().extracting(InboxRow::taskNumber).allMatch(numbersInSection::contains)
                .contains(82);

        ProgressReport r82 = report(82, "CAOXIAN", "2023Q2");
        actors.as("caoxian.clerk", () -> reportService.saveDraft(r82.getId(), reportValues("草稿", 10, false, null)));
        InboxFilter t82q2 = InboxFilter.all().withTaskNumber(82).withCycle(q2.getId());
        assertThat(rows("caoxian.clerk", t82q2.withReportStatus(ReportStatus.DRAFT))).extracting(InboxRow::reportId)
                .containsExactly(r82.getId());
        assertThat(rows("caoxian.clerk", t82q2.withReportStatus(ReportStatus.NOT_STARTED))).isEmpty();
        assertThat(rows("caoxian.clerk", InboxFilter.all().withCycle(q2.getId())
                .withReportStatus(ReportStatus.DRAFT))).allMatch(r -> r.reportStatus() == ReportStatus.DRAFT)
                .extracting(InboxRow::reportId).contains(r82.getId());

        LocalDate due = r82.getDueOn();
        assertThat(rows("caoxian.clerk", t82q2.withDue(due, due))).hasSize(1);
        assertThat(rows("caoxian.clerk", t82q2.withDue(null, due.minusDays(1)))).isEmpty();
        assertThat(rows("caoxian.clerk", t82q2.withDue(due.plusDays(1), null))).isEmpty();
    }

    @Test
    void pagesFollowTheCountWithoutGapsOrRepeats() {
        InboxFilter filter = InboxFilter.all().withCycle(q2.getId());
        long count = actors.as("caoxian.clerk", () -> inbox.count(filter));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < count; offset += 7) {
            int from = offset;
            paged.addAll(actors.as("caoxian.clerk", () -> inbox.page(filter, InboxSort.dueFirst(), from, 7))
                    .stream().map(InboxRow::taskId).toList());
        }
        assertThat(paged).hasSize((int) count).doesNotHaveDuplicates();
        assertThat(actors.as("caoxian.clerk", () -> inbox.page(filter, InboxSort.dueFirst(), (int) count, 7)))
                .isEmpty();

        // every order pages like one long list, sorted as asked
        for (InboxSort sort : List.of(new InboxSort(InboxSort.Field.NAME, false),
                new InboxSort(InboxSort.Field.CREATED, true), new InboxSort(InboxSort.Field.DUE, false))) {
            List<InboxRow> whole = actors.as("caoxian.clerk", () -> inbox.page(filter, sort, 0, 10_000));
            List<String> inPages = new ArrayList<>();
            for (int offset = 0; offset < count; offset += 9) {
                int from = offset;
                inPages.addAll(actors.as("caoxian.clerk", () -> inbox.page(filter, sort, from, 9)).stream()
                        .map(InboxRow::taskId).toList());
            }
            assertThat(inPages).as(sort.toString()).containsExactlyElementsOf(whole.stream().map(InboxRow::taskId)
                    .toList());
            java.util.Comparator<InboxRow> expected = switch (sort.field()) {
                case NAME -> java.util.Comparator.comparing(InboxRow::taskName, java.util.Comparator.reverseOrder());
                case CREATED -> java.util.Comparator.comparing(InboxRow::createdAt);
                default -> java.util.Comparator.comparing(InboxRow::dueOn, java.util.Comparator.reverseOrder());
            };
            // where nulls sort differs by database; this cycle's report tasks all have due dates
            assertThat(whole).as(sort.toString()).isNotEmpty().allMatch(r -> r.dueOn() != null)
                    .isSortedAccordingTo(expected);
        }

        List<InboxRow> byDue = actors.as("caoxian.clerk", () -> inbox.page(
                InboxFilter.all(), new InboxSort(InboxSort.Field.DUE, true), 0, 500));
        assertThat(byDue).filteredOn(r -> r.dueOn() != null).extracting(InboxRow::dueOn).isSortedAccordingTo(
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    }

    @Test
    void overdueDueSoonAndReturnedStandOutAndAreCounted() {
        // Q1 was due in March: by June every Q1 item is overdue
        InboxFilter q1Items = InboxFilter.all().withCycle(q1.getId());
        List<InboxRow> q1Rows = rows("caoxian.clerk", q1Items);
        assertThat(q1Rows).isNotEmpty().allMatch(InboxRow::overdue);
        assertThat(rows("caoxian.clerk", q1Items.withFlag(InboxFilter.Flag.OVERDUE))).hasSameSizeAs(q1Rows);
        InboxCounts june = actors.as("caoxian.clerk", () -> inbox.counts());
        assertThat(june.overdue()).isGreaterThanOrEqualTo(q1Rows.size());
        assertThat(june.total()).isEqualTo(june.mine() + june.claimable());

        InboxFilter t83 = InboxFilter.all().withTaskNumber(83).withCycle(q2.getId());
        assertThat(rows("caoxian.clerk", t83)).singleElement().satisfies(r -> {
            assertThat(r.overdue()).isFalse();
            assertThat(r.dueSoon()).isFalse();
        });
        setClock(LocalDateTime.of(2023, 6, 21, 9, 0)); // Q2 is due 25 June, within 3 working days (端午 22-23 June)
        assertThat(rows("caoxian.clerk", t83)).singleElement().satisfies(r -> assertThat(r.dueSoon()).isTrue());
        assertThat(rows("caoxian.clerk", t83.withFlag(InboxFilter.Flag.DUE_SOON))).hasSize(1);
        assertThat(actors.as("caoxian.clerk", () -> inbox.counts()).dueSoon()).isGreaterThanOrEqualTo(1);
        setClock(LocalDateTime.of(2023, 6, 28, 9, 0));
        assertThat(rows("caoxian.clerk", t83)).singleElement().satisfies(r -> {
            assertThat(r.overdue()).isTrue();
            assertThat(r.dueSoon()).isFalse();
        });
        assertThat(rows("caoxian.clerk", t83.withFlag(InboxFilter.Flag.OVERDUE))).hasSize(1);
        setClock(LocalDateTime.of(2023, 6, 1, 10, 0));

        ProgressReport r83 = report(83, "CAOXIAN", "2023Q2");
        long returnedBefore = actors.as("caoxian.clerk", () -> inbox.counts()).returned();
        actors.as("caoxian.clerk", () -> reportService.submit(taskOf(r83, "fillReport").getId(),
                reportValues("已完成一半", 50, false, null)));
        assertThat(rows("caoxian.clerk", t83)).isEmpty();
        assertThat(rows("caoxian.leader", t83)).singleElement()
                .satisfies(r -> assertThat(r.activityId()).isEqualTo("signOffReport"));
        actors.as("caoxian.leader", () -> reviewService.signOff(taskOf(r83, "signOffReport").getId(), false,
                "请补充数据来源"));

        assertThat(rows("caoxian.clerk", t83.withFlag(InboxFilter.Flag.RETURNED))).singleElement()
                .satisfies(r -> {
                    assertThat(r.returned()).isTrue();
                    assertThat(r.reportStatus()).isEqualTo(ReportStatus.RETURNED);
                });
        assertThat(actors.as("caoxian.clerk", () -> inbox.counts()).returned()).isEqualTo(returnedBefore + 1);
        ReportScreen screen = actors.as("caoxian.clerk", () -> screens.open(r83.getId()));
        assertThat(screen.returnReason()).isEqualTo("请补充数据来源");
        assertThat(screen.returnedBy()).isEqualTo("caoxian.leader");
        assertThat(screen.editable()).isTrue();
    }

    @Test
    void claimAndReleaseMoveATaskBetweenMineAndClaimable() {
        InboxFilter t84 = InboxFilter.all().withTaskNumber(84).withCycle(q2.getId());
        InboxRow row = rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.CLAIMABLE)).get(0);
        assertThat(rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.MINE))).isEmpty();

        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> inbox.claim(row.taskId())))
                .isInstanceOf(WorkflowAccessException.class);
        actors.as("caoxian.clerk", () -> inbox.claim(row.taskId()));
        assertThat(rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.MINE))).singleElement()
                .satisfies(r -> {
                    assertThat(r.mine()).isTrue();
                    assertThat(r.assignee()).isEqualTo("caoxian.clerk");
                });
        assertThat(rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.CLAIMABLE))).isEmpty();
        assertThat(rows("caoxian.clerk", t84)).hasSize(1);
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> inbox.claim(row.taskId())))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> inbox.unclaim(row.taskId())))
                .isInstanceOf(WorkflowAccessException.class);

        actors.as("caoxian.clerk", () -> inbox.unclaim(row.taskId()));
        assertThat(rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.CLAIMABLE))).hasSize(1);
        assertThat(rows("caoxian.clerk", t84.withScope(InboxFilter.Scope.MINE))).isEmpty();
    }

    @Test
    void reportScreenShowsLastCyclesValuesAndRefusesOtherCounties() {
        ProgressReport q1Report = report(86, "CAOXIAN", "2023Q1");
        actors.as("caoxian.clerk", () -> reportService.saveDraft(q1Report.getId(),
                reportValues("一季度已完成调研", 25, false, null)));
        ProgressReport q2Report = report(86, "CAOXIAN", "2023Q2");

        ReportScreen screen = actors.as("caoxian.clerk", () -> screens.open(q2Report.getId()));
        assertThat(screen.editable()).isTrue();
        assertThat(screen.fillTaskId()).isEqualTo(taskOf(q2Report, "fillReport").getId());
        assertThat(screen.schema().field("narrative")).isPresent();
        assertThat(screen.previousCycleCode()).isEqualTo("2023Q1");
        assertThat(screen.previousValues()).containsEntry("narrative", "一季度已完成调研");
        assertThat(screen.unitName()).isEqualTo("曹县");
        assertThat(screen.withdrawable()).isFalse();
        assertThat(screen.signOffAllowed()).isFalse();

        ReportScreen leaders = actors.as("caoxian.leader", () -> screens.open(q2Report.getId()));
        assertThat(leaders.editable()).isFalse();
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> screens.open(q2Report.getId())))
                .isInstanceOf(WorkflowAccessException.class);
    }

    @Test
    void nativeSelectionMatchesTheEnginesOwnTaskQuery() {
        // the inbox selects tasks with its own SQL (InboxTaskSql); the engine's TaskQuery is the reference
        for (String user : List.of("caoxian.clerk", "caoxian.leader", "kjj.reviewer", "supervisor")) {
            DubanUserDetails details = (DubanUserDetails) userDetails.loadUserByUsername(user);
            List<String> groups = details.candidateGroups();
            TaskQuery all = groups.isEmpty() ? taskService.createTaskQuery().active().taskAssignee(user)
                    : taskService.createTaskQuery().active().or().taskAssignee(user).taskCandidateGroupIn(groups)
                    .endOr();
            assertThat(ids(user, InboxFilter.all())).as(user)
                    .containsExactlyInAnyOrderElementsOf(all.list().stream().map(Task::getId).toList());

            TaskQuery inQ2 = groups.isEmpty() ? taskService.createTaskQuery().active().taskAssignee(user)
                    : taskService.createTaskQuery().active().or().taskAssignee(user).taskCandidateGroupIn(groups)
                    .endOr();
            inQ2.processInstanceBusinessKeyLike("2023-T%-2023Q2-%");
            assertThat(ids(user, InboxFilter.all().withPlan(seedPlan().getId()).withCycle(q2.getId()))).as(user)
                    .containsExactlyInAnyOrderElementsOf(inQ2.list().stream().map(Task::getId).toList());

            assertThat(ids(user, InboxFilter.all().withScope(InboxFilter.Scope.MINE))).as(user)
                    .containsExactlyInAnyOrderElementsOf(taskService.createTaskQuery().active().taskAssignee(user)
                            .list().stream().map(Task::getId).toList());
            if (!groups.isEmpty()) {
                assertThat(ids(user, InboxFilter.all().withScope(InboxFilter.Scope.CLAIMABLE))).as(user)
                        .containsExactlyInAnyOrderElementsOf(taskService.createTaskQuery().active()
                                .taskCandidateGroupIn(groups).list().stream().map(Task::getId).toList());
            }
        }
        assertThat(ids("caoxian.clerk", InboxFilter.all())).hasSizeGreaterThan(100);
    }

    @Test
    void countsStopAtTheLimitAndSayMoreThan() {
        InboxFilter filter = InboxFilter.all().withCycle(q2.getId());
        long exact = actors.as("caoxian.clerk", () -> inbox.count(filter));
        assertThat(exact).isGreaterThan(50);

        assertThat(actors.as("caoxian.clerk", () -> inbox.countUpTo(filter, 10))).isEqualTo(11);
        assertThat(actors.as("caoxian.clerk", () -> inbox.countUpTo(filter, (int) exact - 1))).isEqualTo(exact);
        assertThat(actors.as("caoxian.clerk", () -> inbox.countUpTo(filter, (int) exact))).isEqualTo(exact);
        assertThat(actors.as("caoxian.clerk", () -> inbox.countUpTo(filter, 5_000))).isEqualTo(exact);
        // clerk and leader at once: two candidate groups, each task counted once
        var both = org.duban.support.Actors.of("CAOXIAN", org.duban.org.Role.CLERK, org.duban.org.Role.UNIT_LEADER);
        long bothExact = org.duban.support.Actors.as(both, () -> inbox.count(filter));
        assertThat(bothExact).isGreaterThanOrEqualTo(exact);
        assertThat(org.duban.support.Actors.as(both, () -> inbox.countUpTo(filter, 5_000))).isEqualTo(bothExact);
        assertThat(org.duban.support.Actors.as(both, () -> inbox.countUpTo(filter, 3))).isEqualTo(4);
        assertThat(InboxCounts.shown(999)).isEqualTo("999");
        assertThat(InboxCounts.shown(1_000)).isEqualTo("999+");
    }

    private List<String> ids(String user, InboxFilter filter) {
        return actors.as(user, () -> inbox.page(filter, InboxSort.dueFirst(), 0, 10_000)).stream()
                .map(InboxRow::taskId).toList();
    }

    private List<InboxRow> rows(String user, InboxFilter filter) {
        return actors.as(user, () -> inbox.page(filter, InboxSort.dueFirst(), 0, 500));
    }
}
