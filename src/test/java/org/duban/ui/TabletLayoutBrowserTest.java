package org.duban.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.duban.reporting.ProgressReport;
import org.duban.support.Browser;
import org.duban.support.ChromiumCondition;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The clerk's inbox and report form on a tablet (landscape 1024×768, upright 768×1024) and at office-laptop size
 * (1366×768): the page never scrolls sideways (wide grids scroll inside themselves), and the primary buttons — the
 * first row's "open" and the form's "submit" — lie fully inside the viewport once scrolled to. Screenshots go to
 * {@code target/screenshots/}. Reads 单县's untouched report on task 1 without changing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ChromiumCondition.class)
class TabletLayoutBrowserTest extends WorkflowTestSupport {

    private static final String PAGE_WIDTHS = "const s = document.scrollingElement;"
            + " return {scroll: s.scrollWidth, client: s.clientWidth, inner: window.innerWidth};";
    /** The element's box in the viewport, after scrolling the page (only up or down: there is no sideways). */
    private static final String RECT = "if (arguments[1]) arguments[0].scrollIntoView({block: 'center'});"
            + " const r = arguments[0].getBoundingClientRect();"
            + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,"
            + " vw: document.documentElement.clientWidth, vh: document.documentElement.clientHeight};";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 768", "768, 1024", "1366, 768"})
    void inboxAndReportFormFitWithoutSidewaysScroll(int width, int height) {
        openCycle("2023Q2");
        ProgressReport report = report(1, "SHANXIAN", "2023Q2");
        try (Browser clerk = new Browser(port, width, height)) {
            clerk.signInAs("shanxian.clerk");

            clerk.open("inbox");
            clerk.find(By.cssSelector("vaadin-button[id^='open-']"));
            clerk.screenshot("tablet-inbox-" + width + "x" + height);
            assertNoSidewaysScroll(clerk, "inbox");
            List<WebElement> open = clerk.findAll(By.cssSelector("vaadin-button[id^='open-']"));
            assertThat(open).isNotEmpty();
            // the grid may scroll sideways inside itself, but the action column stays in view without it
            assertInView(clerk, open.get(0), "inbox open button", false);

            clerk.open("report/" + report.getId());
            WebElement submit = clerk.find(By.id("submit"));
            clerk.screenshot("tablet-report-form-" + width + "x" + height);
            assertNoSidewaysScroll(clerk, "report form");
            assertInView(clerk, submit, "submit", true);
            assertInView(clerk, clerk.find(By.id("save-draft")), "save draft", true);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertNoSidewaysScroll(Browser browser, String screen) {
        Map<String, Number> widths = (Map<String, Number>) browser.script(PAGE_WIDTHS);
        assertThat(widths.get("scroll").intValue()).as("%s scrollWidth vs clientWidth %s", screen, widths)
                .isLessThanOrEqualTo(widths.get("client").intValue());
    }

    @SuppressWarnings("unchecked")
    private static void assertInView(Browser browser, WebElement element, String what, boolean scrollTo) {
        assertThat(element.isDisplayed()).as(what + " displayed").isTrue();
        Map<String, Number> r = (Map<String, Number>) browser.script(RECT, element, scrollTo);
        assertThat(r.get("width").doubleValue()).as(what + " has a width").isPositive();
        assertThat(r.get("left").doubleValue()).as(what + " left edge %s", r).isGreaterThanOrEqualTo(0);
        assertThat(r.get("right").doubleValue()).as(what + " right edge %s", r)
                .isLessThanOrEqualTo(r.get("vw").doubleValue());
        assertThat(r.get("top").doubleValue()).as(what + " top %s", r).isGreaterThanOrEqualTo(0);
        assertThat(r.get("bottom").doubleValue()).as(what + " bottom %s", r)
                .isLessThanOrEqualTo(r.get("vh").doubleValue());
    }
}
