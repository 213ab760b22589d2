package org.duban.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.reporting.ProgressReport;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The inbox and the report form rendered by the real server, without a browser (as in RenderedAdminScreensTest):
 * sign in through the login form, open a Vaadin UI, navigate, and read what the server sends. A county clerk sees her
 * own county's items and forms, never another county's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedWorkScreensTest extends WorkflowTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    @LocalServerPort
    int port;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void inboxListsTheClerksOwnCountyOnly() throws Exception {
        String caoxian = render("caoxian.clerk", "inbox");

        assertThat(caoxian).contains("\"我的待办\"", "填报进展", "\"曹县\"", "\"签收\"", "\"办理\"", "截止日期",
                "inbox-nav-counts", "全部状态", "待签收");
        assertThat(caoxian).doesNotContain("\"单县\"", "!work.", "!app.");

        String shanxian = render("shanxian.clerk", "inbox");
        assertThat(shanxian).contains("\"单县\"", "填报进展").doesNotContain("\"曹县\"");
    }

    @Test
    void reportFormRendersTheDeployedFormForTheClerk() throws Exception {
        ProgressReport report = report(87, "CAOXIAN", "2023Q2");

        String view = render("caoxian.clerk", "report/" + report.getId());

        assertThat(view).contains("2023-T87", "单位：曹县", "周期：2023Q2", "本期进展", "总体完成进度（%）", "指标完成情况",
                "存在问题", "需要市级层面协调解决", "附件", "\"暂存\"", "\"报送\"", "attachment-upload", "返回待办");
        assertThat(view).doesNotContain("!work.", "form-unsupported", "report-denied");
    }

    @Test
    void anotherCountyGetsNoReportForm() throws Exception {
        ProgressReport report = report(87, "CAOXIAN", "2023Q2");

        String view = render("shanxian.clerk", "report/" + report.getId());

        assertThat(view).contains("report-denied", "您无权查看此报告").doesNotContain("本期进展", "\"暂存\"", "\"报送\"");
    }

    @Test
    void unitLeadersInboxHasEveryStringTranslated() throws Exception {
        String leader = render("caoxian.leader", "inbox");
        assertThat(leader).contains("\"我的待办\"").doesNotContain("!work.");
    }

    /** The server's answer to a client navigating a freshly opened UI to {@code route}, as the user. */
    private String render(String user, String route) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;

        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf="
                        + URLEncoder.encode(find(CSRF, loginPage), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValue(base + "/");

        String init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query=")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String navigate = "{\"csrfToken\":\"" + find(SECURITY_KEY, init) + "\",\"rpc\":[{\"type\":\"event\","
                + "\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,"
                + "\"clientId\":0}";
        HttpResponse<String> view = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/?v-r=uidl&v-uiId=" + find(UI_ID, init)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).isEqualTo(200);
        return view.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
