package org.duban.ui.review;

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

/**
 * A signed-in user's HTTP session against the running server, without a browser (the pattern of
 * {@code RenderedAdminScreensTest}): sign in through the login form, open a Vaadin UI, navigate it the way the client
 * does and read the JSON the server sends for the view; or fetch a plain resource with the session's cookie.
 */
public final class RenderedSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private final HttpClient http;
    private final String base;

    private RenderedSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Signs in as a demo user (password = user name). */
    public static RenderedSession signIn(int port, String user) throws Exception {
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
        return new RenderedSession(http, base);
    }

    /** The server's answer to a client navigating a freshly opened UI to {@code route} (may carry a ?query). */
    public String render(String location) throws Exception {
        int question = location.indexOf('?');
        String route = question < 0 ? location : location.substring(0, question);
        String query = question < 0 ? "" : location.substring(question + 1);
        String init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query=")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String navigate = "{\"csrfToken\":\"" + find(SECURITY_KEY, init) + "\",\"rpc\":[{\"type\":\"event\","
                + "\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"" + query + "\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,"
                + "\"clientId\":0}";
        HttpResponse<String> view = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/?v-r=uidl&v-uiId=" + find(UI_ID, init)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).isEqualTo(200);
        return view.body();
    }

    /** A plain GET with the session's cookie, e.g. a static resource. */
    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
