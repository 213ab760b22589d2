package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.audit.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /engine-rest} and {@code /camunda} over real HTTP: admins only; task queries carrying expressions refused even
 * for admins (CVE-2026-109432) and never evaluated; no Java-serialized variables; BPMN and DMN with external entities
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestHardeningTest {

    /**
     * Were this expression evaluated, it would write an audit event with action {@value #PROBE} through the Spring
     * bean {@code auditService} (Camunda's expression manager sees every bean): the proof that nothing ran.
     */
    private static final String PROBE = "CVE_2026_109432_PROBE";
    private static final String EXPRESSION = "${auditService.record('attacker','" + PROBE
            + "','Probe','x','evaluated',null,null)}";

    @LocalServerPort
    int port;

    @Autowired ProcessEngine engine;
    @Autowired AuditService audit;

    @TempDir Path temp;

    private final List<String> createdTasks = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        createdTasks.forEach(id -> engine.getTaskService().deleteTask(id, true));
    }

    private RawHttp.Response rest(String method, String path, String user, String json) throws Exception {
        return new RawHttp(port).send(method, path, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                user == null ? new String[0] : new String[] {RawHttp.basic(user, user)});
    }

    @Test
    void engineRestIsForAdminsOnly() throws Exception {
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
                "/engine-rest/history/task", "/engine-rest/user", "/engine-rest/authorization")) {
            assertThat(rest("GET", path, null, null).status()).as("anonymous " + path).isEqualTo(401);
            assertThat(rest("GET", path, "caoxian.clerk", null).status()).as("clerk " + path).isEqualTo(403);
            assertThat(rest("GET", path, "kjj.reviewer", null).status()).as("reviewer " + path).isEqualTo(403);
            assertThat(rest("GET", path, "supervisor", null).status()).as("supervisor " + path).isEqualTo(403);
            RawHttp.Response admin = rest("GET", path, "admin", null);
            assertThat(admin.status()).as("admin " + path + " " + admin).isEqualTo(200);
            assertThat(admin.body()).startsWith("[");
        }
        assertThat(rest("POST", "/engine-rest/task", "caoxian.clerk", "{}").status()).isEqualTo(403);
        assertThat(rest("GET", "/engine-rest/task", null, null).header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        // stateless: no session cookie that a browser could reuse
        assertThat(rest("GET", "/engine-rest/task", "admin", null).all("Set-Cookie")).isEmpty();
    }

    @Test
    void camundaWebappsAreForSignedInAdminsOnly() throws Exception {
        FormLogin clerk = new FormLogin(port).signIn("caoxian.clerk");
        assertThat(clerk.get("/camunda/api/engine/engine/").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        FormLogin supervisor = new FormLogin(port).signIn("supervisor");
        assertThat(supervisor.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        FormLogin admin = new FormLogin(port).signIn("admin");
        var engines = admin.get("/camunda/api/engine/engine/");
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\":\"default\"");
        // HTTP Basic does not open the webapps: they go by the signed-in session only
        assertThat(rest("GET", "/camunda/api/engine/engine/", "admin", null).status()).isEqualTo(401);
    }

    @Test
    void engineRunsWithTheHardenedSettings() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isEnableXxeProcessing()).isFalse();
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.getAdminGroups()).contains("ADMIN");
    }

    @Test
    void taskQueriesWithExpressionsAreRefusedEvenForAdminsAndNotEvaluated() throws Exception {
        String encoded = URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8);
        List<RawHttp.Response> answers = new ArrayList<>();
        for (String parameter : List.of("assigneeExpression", "assigneeLikeExpression", "candidateUserExpression",
                "candidateGroupExpression", "ownerExpression", "involvedUserExpression", "dueAfterExpression",
                "followUpBeforeExpression", "candidateGroupsExpression")) {
            answers.add(rest("GET", "/engine-rest/task?" + parameter + "=" + encoded, "admin", null));
            answers.add(rest("GET", "/engine-rest/task/count?" + parameter + "=" + encoded, "admin", null));
        }
        String json = "{\"assigneeExpression\":\"" + EXPRESSION + "\"}";
        answers.add(rest("POST", "/engine-rest/task", "admin", json));
        answers.add(rest("POST", "/engine-rest/task/count", "admin", json));
        for (RawHttp.Response answer : answers) {
            System.out.println("[expression] " + answer.status() + " " + answer.body());
        }
        for (RawHttp.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.body()).as(answer.toString()).contains("xpression");
        }
        assertThat(audit.byAction(PROBE)).isEmpty();
    }

    @Test
    void storedQueriesWithExpressionsAreRefused() throws Exception {
        RawHttp.Response create = rest("POST", "/engine-rest/filter/create", "admin",
                "{\"resourceType\":\"Task\",\"name\":\"probe\",\"query\":{\"assigneeExpression\":\"" + EXPRESSION
                        + "\"}}");
        assertThat(create.status()).as(create.toString()).isEqualTo(400);
        assertThat(create.body()).contains("xpression");
        // the same filter without the expression is accepted: the refusal is the expression's, not a missing right
        RawHttp.Response plain = rest("POST", "/engine-rest/filter/create", "admin",
                "{\"resourceType\":\"Task\",\"name\":\"probe-plain\",\"query\":{\"assignee\":\"x\"}}");
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        engine.getFilterService().deleteFilter(
                engine.getFilterService().createFilterQuery().filterName("probe-plain").singleResult().getId());
        assertThat(engine.getFilterService().createFilterQuery().filterName("probe").count()).isZero();
        assertThat(audit.byAction(PROBE)).isEmpty();
    }

    @Test
    void theEngineApiRefusesExpressionQueriesToo() {
        assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression(EXPRESSION).list())
                .hasMessageContaining("xpression");
        assertThatThrownBy(() -> engine.getTaskService().createTaskQuery()
                .taskCandidateGroupExpression(EXPRESSION).count()).hasMessageContaining("xpression");
        assertThat(audit.byAction(PROBE)).isEmpty();
    }

    @Test
    void javaSerializedVariablesAreRefused() throws Exception {
        RawHttp.Response created = rest("POST", "/engine-rest/task/create", "admin",
                "{\"id\":\"security-probe-task\",\"name\":\"probe\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(204);
        createdTasks.add("security-probe-task");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("payload")));
        }
        RawHttp.Response put = rest("PUT", "/engine-rest/task/security-probe-task/variables/payload", "admin",
                "{\"value\":\"" + Base64.getEncoder().encodeToString(bytes.toByteArray())
                        + "\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
                        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}");
        // Camunda's REST API reports this refusal as a 500 (RestException), with the engine's reason
        assertThat(put.status()).as(put.toString()).isEqualTo(500);
        assertThat(put.body()).contains("Java serialization format is prohibited");
        assertThat(engine.getTaskService().getVariables("security-probe-task")).doesNotContainKey("payload");
    }

    @Test
    void bpmnAndDmnWithExternalEntitiesAreRefused() throws Exception {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-XXE-MARKER");
        String doctype = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n";
        String bpmn = doctype + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"x\">"
                + "<process id=\"xxeProbe\" name=\"&xxe;\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<startEvent id=\"s\"/></process></definitions>";
        String dmn = doctype + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
                + "name=\"d\" namespace=\"x\"><decision id=\"xxeProbeDecision\" name=\"&xxe;\">"
                + "<decisionTable id=\"t\"><input id=\"i\"><inputExpression id=\"e\" typeRef=\"string\"><text>a</text>"
                + "</inputExpression></input><output id=\"o\" name=\"o\" typeRef=\"string\"/></decisionTable>"
                + "</decision></definitions>";
        for (String[] file : List.of(new String[] {"xxe.bpmn", bpmn}, new String[] {"xxe.dmn", dmn})) {
            RawHttp.Response response = deploy(file[0], file[1]);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("TOP-SECRET-XXE-MARKER");
            assertThat(response.body()).containsIgnoringCase("DOCTYPE");
        }
        var repository = engine.getRepositoryService();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("xxeProbe").count()).isZero();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("xxeProbeDecision").count())
                .isZero();
        assertThat(repository.createDeploymentQuery().deploymentName("xxe-probe").count()).isZero();
    }

    private RawHttp.Response deploy(String fileName, String xml) throws Exception {
        String boundary = "----duban-security-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "xxe-probe\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + xml
                + "\r\n--" + boundary + "--\r\n";
        return new RawHttp(port).send("POST", "/engine-rest/deployment/create",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8),
                RawHttp.basic("admin", "admin"));
    }
}
