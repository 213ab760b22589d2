package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The three filter chains seen from outside, over real HTTP: who gets in where, and what anonymous callers get. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityChainsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void engineRestAnswers401WithABasicChallengeToAnonymousCalls() throws Exception {
        HttpResponse<String> response = get("/engine-rest/engine", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestServesAdminsOnly() throws Exception {
        HttpResponse<String> admin = get("/engine-rest/engine", "admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"name\":\"default\"");
        assertThat(get("/engine-rest/engine", "caoxian.clerk").statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/engine", "supervisor").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes()))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void camundaWebappApiAnswers401AndPagesRedirectToLogin() throws Exception {
        assertThat(get("/camunda/api/engine/engine/", null).statusCode()).isEqualTo(401);
        assertThat(get("/camunda/api/admin/auth/user/default", null).statusCode()).isEqualTo(401);
        HttpResponse<String> cockpit = get("/camunda/app/cockpit/default/", null);
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/login"));
    }

    @Test
    void theUiSendsAnonymousUsersToTheLoginPage() throws Exception {
        HttpResponse<String> root = get("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void healthIsPublicForLoadBalancers() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
