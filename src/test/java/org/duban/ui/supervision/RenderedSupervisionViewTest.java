package org.duban.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.catalog.PlanRepository;
import org.duban.reporting.CycleService;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.support.RenderedViews;
import org.duban.support.SeedCycles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervision desk rendered by the real server (no browser). With 2023Q2 open and the real clock, every
 * unsubmitted report is overdue, so the overdue lists are full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedSupervisionViewTest {

    @LocalServerPort
    int port;

    @Autowired PlanRepository plans;
    @Autowired ReportingCycleRepository cycles;
    @Autowired CycleService cycleService;

    @BeforeEach
    void q2IsOpen() {
        SeedCycles.open(plans, cycles, cycleService, "2023Q2");
    }

    @Test
    void supervisorSeesTheQueueTheOverdueUnitsAndTheUrgeButtons() throws Exception {
        String view = RenderedViews.render(port, "supervisor", "supervision");

        assertThat(view).contains("\"督办工作台\"", "督办件（待督查室办理）", "逾期单位", "全部逾期事项", "逾期未报", "逾期未审",
                "上次催办");
        assertThat(view).contains("曹县", "\"催办\"", "keytask/1", "填报 · ");
        assertThat(view).doesNotContain("!supervision.", "!ledger.");
        assertThat(RenderedViews.render(port, "supervisor", "")).contains("督查台账", "督办工作台");
    }

    @Test
    void nobodyElseGetsTheDesk() throws Exception {
        for (String user : new String[] {"caoxian.clerk", "kjj.reviewer", "caoxian.leader"}) {
            assertThat(RenderedViews.render(port, user, "supervision"))
                    .contains("Could not navigate to 'supervision'").doesNotContain("督办件（待督查室办理）", "\"催办\"");
            assertThat(RenderedViews.render(port, user, "")).doesNotContain("督办工作台");
        }
    }
}
