package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Headers, CSRF, session fixation, idle timeout and password storage, seen over real HTTP and in the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebHardeningTest {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired ServletContext servletContext;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        FormLogin anonymous = new FormLogin(port);
        FormLogin admin = new FormLogin(port).signIn("admin");
        for (HttpResponse<String> page : List.of(anonymous.get("/login"), admin.get("/"),
                admin.get("/?v-r=init&location=&query="), anonymous.get("/"))) {
            String what = page.uri().toString();
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(what).hasValue("SAMEORIGIN");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(page.headers().firstValue("Cache-Control")).as(what)
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'",
                            "base-uri 'self'", "form-action 'self'")
                            .doesNotContain("*", "http:", "https:"));
            assertThat(page.headers().firstValue("Permissions-Policy")).as(what).isPresent();
        }
        // the REST API is no browser page, but must not be framed or sniffed either
        RawHttp.Response rest = new RawHttp(port).get("/engine-rest/engine", RawHttp.basic("admin", "admin"));
        assertThat(rest.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(rest.header("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theSessionIdChangesAtLoginAndTheOldOneIsWorthless() throws Exception {
        FormLogin browser = new FormLogin(port);
        String csrf = browser.csrfOfLoginPage();
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        HttpResponse<String> login = browser.postLogin("kjj.reviewer", "kjj.reviewer", csrf);
        assertThat(login.headers().firstValue("Location")).hasValue(browser.base + "/");
        String after = browser.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);

        // an attacker who planted the first id gets nothing with it
        FormLogin stranger = new FormLogin(port);
        HttpResponse<String> withPlanted = stranger.http.send(HttpRequest.newBuilder(URI.create(stranger.base + "/"))
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withPlanted.statusCode()).isEqualTo(302);
        assertThat(withPlanted.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/login"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        RawHttp.Response login = new RawHttp(port).get("/login");
        String cookie = login.all("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutes() {
        assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() throws Exception {
        FormLogin browser = new FormLogin(port);
        browser.csrfOfLoginPage();
        HttpResponse<String> noToken = browser.postLogin("admin", "admin", null);
        assertThat(noToken.statusCode()).isEqualTo(302);
        assertThat(noToken.headers().firstValue("Location")).hasValue(browser.base + "/login?error");
        HttpResponse<String> forged = browser.postLogin("admin", "admin", "forged-token");
        assertThat(forged.headers().firstValue("Location")).hasValue(browser.base + "/login?error");
        // still anonymous
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void vaadinIgnoresServerCallsWithoutTheSessionsSecurityKey() throws Exception {
        FormLogin admin = new FormLogin(port).signIn("admin");
        String init = admin.get("/?v-r=init&location=&query=").body();
        String uiId = FormLogin.find(UI_ID, init);
        String realKey = FormLogin.find(SECURITY_KEY, init);
        String forged = navigate(admin, uiId, "forged-" + realKey.substring(7), "admin/users");
        assertThat(forged).doesNotContain("kjj.reviewer", "新建用户");
        String genuine = navigate(admin, uiId, realKey, "admin/users");
        assertThat(genuine).contains("新建用户");
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        List<AppUser> all = users.findAll();
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        for (AppUser user : all) {
            assertThat(user.getPasswordHash()).as(user.getUsername()).startsWith("{bcrypt}$2")
                    .doesNotContain(user.getUsername());
        }
        AppUser admin = all.stream().filter(u -> u.getUsername().equals("admin")).findFirst().orElseThrow();
        assertThat(passwordEncoder.matches("admin", admin.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches("Admin", admin.getPasswordHash())).isFalse();
        assertThat(passwordEncoder.encode("x")).startsWith("{bcrypt}$2");
    }

    private static String navigate(FormLogin browser, String uiId, String key, String route) throws Exception {
        String body = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":"
                + "\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        return browser.http.send(HttpRequest.newBuilder(URI.create(browser.base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
