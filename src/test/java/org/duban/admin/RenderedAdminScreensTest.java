package org.duban.admin;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The admin screens rendered by the real server, without a browser: sign in through the login form, open a Vaadin UI
 * and navigate it the way the client does, then read what the server sends for the view. Proves the views build,
 * every admin string has a translation, the grids fill from the services, and non-admins get no admin screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenderedAdminScreensTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    @LocalServerPort
    int port;

    @Test
    void unitsScreenListsTheRegistryInChinese() throws Exception {
        String view = render("admin", "admin/units");

        assertThat(view).contains("\"单位管理\"", "新建单位", "代码、名称或别名", "全部类型", "市直部门");
        assertThat(view).contains("\"col0\":\"KJJ\",\"col1\":\"市科技局\"", "市科学技术局");
        assertThat(view).doesNotContain("!admin.");
    }

    @Test
    void usersScreenLoadsTheFirstPageLazily() throws Exception {
        String view = render("admin", "admin/users");

        assertThat(view).contains("\"用户管理\"", "新建用户", "用户名或姓名", "全部角色", "全部单位");
        assertThat(view).contains("kjj.reviewer", "市科技局 李审核", "牵头审核");
        assertThat(view).doesNotContain("!admin.", "!role.");
    }

    @Test
    void calendarScreenShowsTheYearAndTheAddRow() throws Exception {
        String view = render("admin", "admin/calendar");

        assertThat(view).contains("\"工作日历\"", "导入全年", "节假日", "调休上班", "年度");
        assertThat(view).doesNotContain("!admin.");
    }

    @Test
    void nonAdminsGetNeitherTheScreensNorTheMenuEntries() throws Exception {
        for (String route : new String[] {"admin/units", "admin/users", "admin/calendar"}) {
            String refused = render("caoxian.clerk", route);
            assertThat(refused).contains("Could not navigate to '" + route + "'")
                    .doesNotContain("新建单位", "新建用户", "导入全年", "市科学技术局", "kjj.reviewer");
        }
        String home = render("caoxian.clerk", "");
        assertThat(home).contains("曹县 陈经办", "首页").doesNotContain("单位管理", "用户管理", "工作日历");
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
