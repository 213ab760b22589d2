package org.duban.support;

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
 * A Vaadin view as the real server renders it, without a browser: sign in through the login form, open a UI,
 * navigate it the way the client does, and read the JSON the server sends for the view. The one helper every
 * rendered-screen test uses; a {@link Session} keeps the cookies, so one user can render several routes, switch the
 * language like the header's switch does, and fetch downloads or static resources.
 */
public final class RenderedViews {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private RenderedViews() {
    }

    /** The server's answer to a client navigating a freshly opened UI to {@code route}, as {@code user}. */
    public static String render(int port, String user, String route) throws Exception {
        return signIn(port, user).render(route);
    }

    /** Signs {@code user} in (password = user name, as for the demo users). */
    public static Session signIn(int port, String user) throws Exception {
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
        return new Session(http, base);
    }

    /** A signed-in browser session: its cookies, for several renders, the language switch and downloads. */
    public static final class Session {

        private final HttpClient http;
        private final String base;

        private Session(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        /** The server's answer to a freshly opened UI navigating to {@code location} (may carry a ?query). */
        public String render(String location) throws Exception {
            return open(location).response();
        }

        /** Opens a UI at {@code location} and keeps it, so the test can send it further client messages. */
        public OpenUi open(String location) throws Exception {
            int question = location.indexOf('?');
            String route = question < 0 ? location : location.substring(0, question);
            String query = question < 0 ? "" : location.substring(question + 1);
            String init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=&query="))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            OpenUi ui = new OpenUi(find(UI_ID, init), find(SECURITY_KEY, init));
            ui.send("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                    + "\",\"query\":\"" + query + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},"
                    + "\"trigger\":\"\"}}");
            return ui;
        }

        /**
         * Switches the session to English the way the header's language select does (the client syncs the select's
         * value; the layout stores the choice in the session), so every UI opened afterwards renders in English.
         */
        public Session useEnglish() throws Exception {
            OpenUi home = open("");
            String select = home.nodeWithId("language");
            // the select's items are 中文 then English; Vaadin keys them "1" and "2"
            home.send("{\"type\":\"mSync\",\"node\":" + select + ",\"feature\":1,\"property\":\"value\","
                    + "\"value\":\"2\"}");
            return this;
        }

        /** GETs a URL relative to the application root, as bytes (a VAADIN/dynamic/resource/... download). */
        public HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + strip(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        /** GETs a URL relative to the application root, as text (a static script or style sheet). */
        public HttpResponse<String> getText(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + strip(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String strip(String path) {
            return path.startsWith("/") ? path.substring(1) : path;
        }

        /** One UI of the session, after its first navigation; {@link #send} posts client messages to it. */
        public final class OpenUi {

            private final String uiId;
            private final String csrf;
            private int syncId;
            private int clientId;
            private String response = "";

            private OpenUi(String uiId, String csrf) {
                this.uiId = uiId;
                this.csrf = csrf;
            }

            /** Everything the server sent this UI so far. */
            public String response() {
                return response;
            }

            /** Sends one RPC (JSON object) and returns the server's answer to it. */
            public String send(String rpc) throws Exception {
                String message = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[" + rpc + "],\"syncId\":" + syncId
                        + ",\"clientId\":" + clientId + "}";
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                Matcher sync = Pattern.compile("\"syncId\":(\\d+)").matcher(answer.body());
                if (sync.find()) {
                    syncId = Integer.parseInt(sync.group(1));
                }
                clientId++;
                response = response + answer.body();
                return answer.body();
            }

            /** The state-tree node of the element whose id attribute is {@code id}. */
            public String nodeWithId(String id) {
                return find(Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,"
                        + "\"value\":\"" + Pattern.quote(id) + "\"\\}"), response);
            }
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text.length() > 2000 ? text.substring(0, 2000) : text)
                .isTrue();
        return matcher.group(1);
    }
}
