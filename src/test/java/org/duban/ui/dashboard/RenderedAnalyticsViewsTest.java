package org.duban.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.dashboard.AnalyticsFixture;
import org.duban.support.RenderedViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard and assessment screens rendered by the real server (no browser) on a plan of the test's own, chosen
 * with {@code ?plan=}. The engine clock is the real one here, so every fixture report is long due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedAnalyticsViewsTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;

    private AnalyticsFixture fx;

    @BeforeAll
    void plan() {
        fx = new AnalyticsFixture(jdbc, "R");
    }

    @Test
    void theDashboardShowsEveryBreakdownWithChartsAndGrids() throws Exception {
        String view = render("supervisor", "dashboard", "plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(view).contains("\"重点工作统计图表\"", "督查室/管理员：显示全部任务", "按板块", "按牵头单位",
                "按县区、管委会", "指标完成情况（上报值与目标值）", "各周期趋势");
        assertThat(view).contains("共 4 份报告，应报 4 份，按时 2 份，逾期 2 份，被退回 1 份，被督办 1 份，按时率 50.0%");
        assertThat(view).contains("一 稳增长", "二 惠民生", "考核牵头局" + fx.suffix, "甲县" + fx.suffix, "乙县" + fx.suffix,
                "新增企业100家", "用水总量控制在50万吨以内", "230.0%", "已达标", "2023Q1");
        assertThat(view).contains("chart-section", "chart-lead", "chart-county", "chart-indicators", "chart-trend",
                "echarts/echarts.min.js", "duban/dashboard-charts.js", "DubanCharts");
        // the chart option travels as JSON: the stacked bars of section 一 (on time 2, late 1)
        assertThat(view).contains("\\\"stack\\\":\\\"due\\\"");
        assertThat(view).doesNotContain("!dashboard.", "!assessment.");
    }

    @Test
    void theDashboardAndTheAssessmentInEnglish() throws Exception {
        RenderedViews.Session session = RenderedViews.signIn(port, "admin").useEnglish();
        String dashboard = session.render("dashboard?plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(dashboard).contains("Key-task dashboards", "By lead unit", "Trend over cycles",
                "4 reports, 4 due, 2 on time, 2 late, 1 returned, 1 escalated, on-time rate 50.0%");
        String assessment = session.render("assessment?plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(assessment).contains("Unit assessment ranking", "Change weights", "1 on time / 2 due (50%)",
                "50 points × 40% = 20", "nothing submitted yet");
        assertThat(dashboard + assessment).doesNotContain("!dashboard.", "!assessment.");
    }

    @Test
    void aReviewerSeesOnlyTheTasksTheUnitLeads() throws Exception {
        String view = render("kjj.reviewer", "dashboard", "plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(view).contains("牵头单位审核：仅统计本单位（KJJ）牵头的任务", "共 0 份报告");
        assertThat(view).doesNotContain("甲县" + fx.suffix);
    }

    @Test
    void theAssessmentShowsHowEveryScoreWasComputed() throws Exception {
        String view = render("admin", "assessment", "plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(view).contains("\"单位考核排名\"", "调整权重", "当前权重：按时报送 40%、退回情况 20%、督办情况 20%、指标进度 20%",
                "共 3 个单位参与排名", "甲县" + fx.suffix, "68.00", "按时 1 / 应报 2（50%）", "50 分 × 40% = 20",
                "退回 1 次 / 已报送 2 份（每份 0.5 次）", "2 项指标，平均完成 90%", "尚未报送", "不计分（权重 20% 分给其他项）");
        assertThat(view).doesNotContain("!assessment.");
    }

    @Test
    void aUnitLeaderSeesTheOwnStandingOnly() throws Exception {
        String view = render("caoxian.leader", "assessment", "plan=" + fx.planId + "&cycle=" + fx.q2);
        assertThat(view).contains("本单位在该期间没有考核数据");
        assertThat(view).doesNotContain("甲县" + fx.suffix, "调整权重");
    }

    private String render(String user, String route, String query) throws Exception {
        return RenderedViews.render(port, user, route + "?" + query);
    }
}
