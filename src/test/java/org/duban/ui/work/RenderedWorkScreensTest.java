package org.duban.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.reporting.ProgressReport;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inbox and the report form rendered by the real server, without a browser (support/RenderedViews):
 * sign in through the login form, open a Vaadin UI, navigate, and read what the server sends. A county clerk sees her
 * own county's items and forms, never another county's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedWorkScreensTest extends WorkflowTestSupport {

    @LocalServerPort
    int port;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void inboxListsTheClerksOwnCountyOnly() throws Exception {
        String caoxian = RenderedViews.render(port, "caoxian.clerk", "inbox");

        // the row actions are a renderer's template: their labels travel in it
        assertThat(caoxian).contains("\"我的待办\"", "填报进展", "\"曹县\"", "签收</vaadin-button>",
                "办理</vaadin-button>", "截止日期", "inbox-nav-counts", "全部状态", "待签收");
        assertThat(caoxian).doesNotContain("\"单县\"", "!work.", "!app.");

        String shanxian = RenderedViews.render(port, "shanxian.clerk", "inbox");
        assertThat(shanxian).contains("\"单县\"", "填报进展").doesNotContain("\"曹县\"");
    }

    @Test
    void reportFormRendersTheDeployedFormForTheClerk() throws Exception {
        ProgressReport report = report(87, "CAOXIAN", "2023Q2");

        String view = RenderedViews.render(port, "caoxian.clerk", "report/" + report.getId());

        assertThat(view).contains("2023-T87", "单位：曹县", "周期：2023Q2", "本期进展", "总体完成进度（%）", "指标完成情况",
                "存在问题", "需要市级层面协调解决", "附件", "\"暂存\"", "\"报送\"", "attachments-upload", "返回待办");
        assertThat(view).doesNotContain("!work.", "form-unsupported", "report-denied");
    }

    @Test
    void anotherCountyGetsNoReportForm() throws Exception {
        ProgressReport report = report(87, "CAOXIAN", "2023Q2");

        String view = RenderedViews.render(port, "shanxian.clerk", "report/" + report.getId());

        assertThat(view).contains("report-denied", "您无权查看此报告").doesNotContain("本期进展", "\"暂存\"", "\"报送\"");
    }

    @Test
    void unitLeadersInboxHasEveryStringTranslated() throws Exception {
        String leader = RenderedViews.render(port, "caoxian.leader", "inbox");
        assertThat(leader).contains("\"我的待办\"").doesNotContain("!work.");
    }
}
