package org.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duban.dashboard.AnalyticsFixture;
import org.duban.org.Role;
import org.duban.security.DubanUserDetails;
import org.duban.support.Actors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The ledger of a plan one of whose tasks a re-import withdrew ({@link AnalyticsFixture}: task 3). */
@SpringBootTest
@ActiveProfiles("test")
class LedgerWithdrawnTaskTest {

    private static final DubanUserDetails SUPERVISOR = Actors.of("DCS", Role.SUPERVISOR);

    @Autowired LedgerService ledger;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aWithdrawnTasksNeverSubmittedReportLeavesTheLedgerAndItsSubmittedOnesStay() {
        AnalyticsFixture fx = new AnalyticsFixture(jdbc, "W");
        LedgerFilter q2 = LedgerFilter.ofCycle(fx.q2);

        List<LedgerRow> rows = Actors.as(SUPERVISOR, () -> ledger.page(q2, 0, 100));
        assertThat(rows).extracting(LedgerRow::taskNumber).containsExactlyInAnyOrder(1, 1, 1, 2);
        assertThat(Actors.as(SUPERVISOR, () -> ledger.count(q2))).isEqualTo(4);
        List<Long> exported = new java.util.ArrayList<>();
        Actors.as(SUPERVISOR, () -> ledger.forEachChunk(q2, 2,
                chunk -> chunk.forEach(r -> exported.add(r.reportId()))));
        assertThat(exported).containsExactlyElementsOf(rows.stream().map(LedgerRow::reportId).toList());

        // once something was submitted for it, the withdrawn task's report is on record again
        jdbc.update("update progress_report set revision = 1, status = 'AWAITING_REVIEW' where cycle_id = ?"
                + " and task_id = (select id from key_task where plan_id = ? and task_no = 3)", fx.q2, fx.planId);
        assertThat(Actors.as(SUPERVISOR, () -> ledger.page(q2, 0, 100))).extracting(LedgerRow::taskNumber)
                .containsExactlyInAnyOrder(1, 1, 1, 2, 3);
    }
}
