package org.duban.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.duban.dashboard.AnalyticsFixture;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real browser: ECharts, served by the application itself (the CSP allows only our own scripts), draws the
 * dashboard's charts into canvases; the assessment screen renders. Screenshots of both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class DashboardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;

    @Test
    void chartsAreDrawnIntoCanvasesFromTheBundledEcharts() throws Exception {
        AnalyticsFixture fx = new AnalyticsFixture(jdbc, "W");
        try (Browser browser = new Browser(port)) {
            browser.signInAs("supervisor");
            browser.open("dashboard?plan=" + fx.planId + "&cycle=" + fx.q2);
            for (String id : new String[] {"chart-section", "chart-county", "chart-indicators", "chart-trend"}) {
                WebElement chart = browser.find(By.id(id));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "true".equals(
                        chart.getDomAttribute("data-rendered")) || chart.getDomAttribute("data-error") != null);
                assertThat(chart.getDomAttribute("data-error")).as(id).isNull();
                assertThat(browser.findAll(By.cssSelector("#" + id + " canvas"))).as(id).isNotEmpty();
            }
            assertThat(browser.text()).contains("按板块", "甲县" + fx.suffix, "230.0%");
            Path shot = browser.screenshot("dashboard");
            assertThat(shot).startsWith(Browser.SCREENSHOTS);
            assertThat(Files.size(shot)).isGreaterThan(10_000);

            browser.open("assessment?plan=" + fx.planId + "&cycle=" + fx.q2);
            assertThat(browser.text()).contains("单位考核排名", "甲县" + fx.suffix, "68.00");
            browser.screenshot("assessment");
        }
    }
}
