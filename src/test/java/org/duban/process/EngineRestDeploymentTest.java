package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda Modeler's deploy call ({@code POST /engine-rest/deployment/create}, multipart, HTTP Basic) passes the same
 * validation as the admin screen: a broken upload gets a 400 listing the problems and deploys nothing; a valid one
 * deploys, with an empty {@code tenant-id} taken as no tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestDeploymentTest {

    private static final String BOUNDARY = "----DubanModelerBoundary7MA4YWxkTrZu0gW";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> deploy(String user, Map<String, String> fields, Map<String, String> files)
            throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, content) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"" + name + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept-Language", "en-US")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> modelerFields(String name, String tenant) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", name);
        fields.put("deployment-source", "Camunda Modeler");
        fields.put("deploy-changed-only", "true");
        if (tenant != null) {
            fields.put("tenant-id", tenant);
        }
        return fields;
    }

    @Test
    void brokenBpmnFromModelerGets400WithTheProblemsAndNothingIsDeployed() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String bpmn = ProcessFixtures.twoStepProcess("restProbe", "restProbeForm", "NOSUCHUNIT.CLERK", false);

        HttpResponse<String> response = deploy("admin", modelerFields("rest-broken", ""),
                Map.of("rest-probe.bpmn", bpmn, "rest-probe.form", ProcessFixtures.form("restProbeForm", null)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("DeploymentValidationException");
        assertThat(body.path("message").asText()).startsWith("Deployment rejected, nothing was deployed. 2 problem(s):")
                .contains("rest-probe.bpmn:5: User task 收集 (collect): candidate group \"NOSUCHUNIT.CLERK\" matches no "
                        + "role and no active unit");
        assertThat(body.path("errors")).hasSize(2);
        assertThat(body.path("errors").get(0).path("file").asText()).isEqualTo("rest-probe.bpmn");
        assertThat(body.path("errors").get(0).path("line").asInt()).isEqualTo(5);
        assertThat(body.path("errors").get(1).path("line").asInt()).isEqualTo(6);
        assertThat(body.path("errors").get(0).path("message").asText()).contains("NOSUCHUNIT.CLERK");

        HttpResponse<String> unparseable = deploy("admin", modelerFields("rest-broken", null),
                Map.of("rest-probe.bpmn", bpmn.substring(0, bpmn.length() / 2)));
        assertThat(unparseable.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unparseable.body()).path("errors").get(0).path("message").asText())
                .startsWith("The XML cannot be read:");

        // a task bound to a form of its own deployment: Modeler must send the form along
        HttpResponse<String> withoutForm = deploy("admin", modelerFields("rest-broken", null), Map.of(
                "rest-probe.bpmn", ProcessFixtures.twoStepProcess("restProbe", "restProbeForm", "SUPERVISOR", false)));
        assertThat(withoutForm.statusCode()).isEqualTo(400);
        assertThat(withoutForm.body()).contains("restProbeForm", "add the .form file");

        assertThat(repository.createDeploymentQuery().deploymentName("rest-broken").count()).isZero();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("restProbe").count()).isZero();
    }

    @Test
    void validDeploymentWithAnEmptyTenantIdDeploysWithoutTenantAndStartsByKey() throws Exception {
        String bpmn = ProcessFixtures.twoStepProcess("restValid", "restValidForm", "KJJ.REVIEWER", false);

        HttpResponse<String> response = deploy("admin", modelerFields("rest-valid", ""),
                Map.of("rest-valid.bpmn", bpmn, "rest-valid.form", ProcessFixtures.form("restValidForm", null)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("name").asText()).isEqualTo("rest-valid");
        assertThat(body.path("tenantId").isNull()).isTrue();
        Deployment deployment = repository.createDeploymentQuery().deploymentId(body.path("id").asText())
                .singleResult();
        assertThat(deployment.getTenantId()).isNull();
        assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .containsExactlyInAnyOrder("rest-valid.bpmn", "rest-valid.form");
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("restValid")
                .latestVersion().singleResult();
        assertThat(definition.getTenantId()).isNull();
        assertThat(definition.getDeploymentId()).isEqualTo(deployment.getId());
        // the point of stripping "": start-by-key finds it
        assertThat(runtime.startProcessInstanceByKey("restValid").getProcessDefinitionId())
                .isEqualTo(definition.getId());
    }

    @Test
    void nonAdminsCannotDeployThroughRest() throws Exception {
        HttpResponse<String> response = deploy("kjj.clerk", modelerFields("rest-clerk", ""),
                Map.of("x.form", ProcessFixtures.form("restClerkForm", null)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName("rest-clerk").count()).isZero();
    }
}
