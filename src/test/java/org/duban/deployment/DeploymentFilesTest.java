package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files (deployment/: Dockerfile, compose.yaml, nginx, Kubernetes manifests) cannot be run on the build
 * machines (no Docker engine, no cluster, no Oracle), so this test reads them and checks the values that matter, and
 * that they agree with each other and with the application's own configuration. Plain JUnit, no Spring context.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path DEPLOYMENT = ROOT.resolve("deployment");
    private static final Path APPLICATION_YAML = ROOT.resolve("src/main/resources/application.yaml");

    /** Spring Boot's default layers, in the order of layers.idx (least to most often changing). */
    private static final List<String> BOOT_LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    // ------------------------------------------------------------------------------------------------ every YAML file

    @Test
    void everyYamlFileUnderDeploymentParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOYMENT)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        }
        assertThat(files).extracting(p -> DEPLOYMENT.relativize(p).toString().replace('\\', '/'))
                .contains("compose.yaml", "k8s/deployment.yaml", "k8s/service.yaml", "k8s/ingress.yaml",
                        "k8s/configmap.yaml", "k8s/pdb.yaml");
        for (Path file : files) {
            List<Object> documents = loadAll(file);
            assertThat(documents).as("%s has YAML documents", file).isNotEmpty();
            assertThat(documents).as("%s: every document is a mapping", file).allSatisfy(d -> assertThat(d)
                    .isInstanceOf(Map.class));
        }
    }

    // -------------------------------------------------------------------------------------------------- compose.yaml

    @Test
    void composeRunsOracleTwoIdenticalNodesAndNginx() {
        Map<String, Object> compose = map(loadAll(DEPLOYMENT.resolve("compose.yaml")).get(0));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("oracle", "duban-a", "duban-b", "nginx");

        Map<String, Object> a = map(services.get("duban-a"));
        Map<String, Object> b = map(services.get("duban-b"));
        Map<String, Object> envA = map(a.get("environment"));
        Map<String, Object> envB = map(b.get("environment"));
        // Camunda's cluster model: identical nodes on one database.
        assertThat(envA).isEqualTo(envB);
        assertThat(envA.get("DUBAN_DB_URL")).isEqualTo(envB.get("DUBAN_DB_URL"))
                .isEqualTo("jdbc:oracle:thin:@//oracle:1521/FREEPDB1");
        assertThat(envA).containsEntry("SPRING_PROFILES_ACTIVE", "oracle")
                .containsEntry("CAMUNDA_BPM_JOBEXECUTION_ENABLED", "true")
                .containsKeys("DUBAN_DB_USER", "DUBAN_DB_PASSWORD");
        assertThat(a.get("image")).isEqualTo(b.get("image"));
        assertThat(a.get("build")).isEqualTo(b.get("build"));
        Map<String, Object> build = map(a.get("build"));
        Path dockerfile = DEPLOYMENT.resolve(string(build.get("context"))).resolve(string(build.get("dockerfile")));
        assertThat(dockerfile.normalize())
                .isEqualTo(DEPLOYMENT.resolve("Dockerfile").normalize()).exists();

        // Passwords come from deployment/.env; no literal secret in the compose file.
        assertThat(string(envA.get("DUBAN_DB_PASSWORD"))).startsWith("${DUBAN_DB_PASSWORD:?");
        Map<String, Object> oracleEnv = map(map(services.get("oracle")).get("environment"));
        assertThat(string(oracleEnv.get("ORACLE_PASSWORD"))).startsWith("${ORACLE_PASSWORD:?");
        assertThat(string(oracleEnv.get("DUBAN_DB_PASSWORD"))).isEqualTo(envA.get("DUBAN_DB_PASSWORD"));
        assertThat(oracleEnv.get("DUBAN_DB_USER")).isEqualTo(envA.get("DUBAN_DB_USER"));
    }

    @Test
    void composeStartsInTheSafeOrderWithHealthchecks() {
        Map<String, Object> services = map(map(loadAll(DEPLOYMENT.resolve("compose.yaml")).get(0)).get("services"));

        assertThat(dependsOnHealthy(services, "duban-a")).containsExactly("oracle");
        // duban-b waits for duban-a: only one node creates the schema and runs the migrations.
        assertThat(dependsOnHealthy(services, "duban-b")).containsExactlyInAnyOrder("oracle", "duban-a");
        assertThat(dependsOnHealthy(services, "nginx")).containsExactlyInAnyOrder("duban-a", "duban-b");

        for (String node : List.of("duban-a", "duban-b")) {
            assertThat(healthcheckTest(services, node)).contains("/actuator/health/readiness")
                    .contains("127.0.0.1/" + map(applicationYaml().get("server")).get("port"));
        }
        assertThat(healthcheckTest(services, "oracle")).contains("healthcheck.sh").contains(".duban-user-created");
        assertThat(healthcheckTest(services, "nginx")).contains("/nginx-health");
    }

    @Test
    void composeMountsFilesThatExist() throws IOException {
        Map<String, Object> services = map(map(loadAll(DEPLOYMENT.resolve("compose.yaml")).get(0)).get("services"));
        List<String> binds = new ArrayList<>();
        for (Object service : services.values()) {
            Object volumes = map(service).get("volumes");
            if (volumes != null) {
                list(volumes).stream().map(DeploymentFilesTest::string).filter(v -> v.startsWith("./"))
                        .forEach(binds::add);
            }
        }
        assertThat(binds).hasSizeGreaterThanOrEqualTo(3);
        for (String bind : binds) {
            assertThat(DEPLOYMENT.resolve(bind.substring(0, bind.indexOf(':')))).as(bind).exists();
        }
        String nginxMount = binds.stream().filter(b -> b.startsWith("./nginx/")).findFirst().orElseThrow();
        assertThat(nginxMount).isEqualTo("./nginx/duban.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(binds).contains("./oracle/initdb:/container-entrypoint-initdb.d:ro");

        // The init script calls the SQL where compose mounts it; the SQL grants what Flyway and Camunda need.
        String init = Files.readString(DEPLOYMENT.resolve("oracle/initdb/01-create-duban-user.sh"));
        String sqlMount = binds.stream().filter(b -> b.startsWith("./oracle/create-duban-user.sql:")).findFirst()
                .orElseThrow();
        assertThat(init).contains("@" + sqlMount.split(":")[1]).contains(".duban-user-created")
                .contains("ALTER SESSION SET CONTAINER");
        String sql = Files.readString(DEPLOYMENT.resolve("oracle/create-duban-user.sql"));
        assertThat(sql).contains("GRANT CREATE SESSION", "GRANT CREATE TABLE", "GRANT CREATE SEQUENCE",
                "GRANT CREATE VIEW", "QUOTA UNLIMITED ON").doesNotContain("GRANT DBA", "\nGRANT UNLIMITED TABLESPACE");
    }

    @Test
    void composeVariablesAreAllInTheEnvTemplateWhichHoldsNoSecrets() throws IOException {
        String compose = Files.readString(DEPLOYMENT.resolve("compose.yaml"));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(compose);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).contains("ORACLE_PASSWORD", "DUBAN_DB_PASSWORD");

        Map<String, String> template = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DEPLOYMENT.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                template.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(template).containsKeys(used.toArray(String[]::new));
        template.forEach((key, value) -> {
            if (key.contains("PASSWORD")) {
                assertThat(value).as("%s in .env.example must stay empty", key).isEmpty();
            }
        });
        assertThat(Files.readAllLines(DEPLOYMENT.resolve(".gitignore"))).contains(".env");
    }

    // ------------------------------------------------------------------------------------------------------- nginx

    @Test
    void nginxIsStickyAndProxiesToBothComposeNodes() throws IOException {
        String conf = stripHashComments(Files.readString(DEPLOYMENT.resolve("nginx/duban.conf")));
        String upstream = block(conf, "upstream duban");

        // Open-source nginx: stickiness by client address (see the comment in duban.conf for why not JSESSIONID).
        assertThat(upstream)
                .containsPattern("(?m)^\\s*(hash \\$remote_addr consistent|ip_hash|hash \\$\\S+ consistent);");
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):(\\d+)\\b").matcher(upstream);
        Set<String> targets = new TreeSet<>();
        while (server.find()) {
            targets.add(server.group(1) + ":" + server.group(2));
        }
        int port = ((Number) map(applicationYaml().get("server")).get("port")).intValue();
        assertThat(targets).containsExactly("duban-a:" + port, "duban-b:" + port);
        Map<String, Object> services = map(map(loadAll(DEPLOYMENT.resolve("compose.yaml")).get(0)).get("services"));
        assertThat(services).containsKeys("duban-a", "duban-b");

        assertThat(conf).contains("proxy_pass http://duban;")
                .containsPattern("proxy_set_header\\s+Upgrade\\s+\\$http_upgrade;")
                .containsPattern("proxy_set_header\\s+Connection\\s+\\$connection_upgrade;")
                .containsPattern("proxy_http_version\\s+1\\.1;")
                .containsPattern("proxy_set_header\\s+X-Forwarded-Proto\\s+\\$scheme;")
                .containsPattern("proxy_read_timeout\\s+\\d+s;")
                .containsPattern("proxy_connect_timeout\\s+\\d+s;");
        assertThat(value(conf, "client_max_body_size")).isEqualToIgnoringCase(maxRequestSizeForProxies());
    }

    // -------------------------------------------------------------------------------------------------- Dockerfile

    @Test
    void dockerfileRunsAsNonRootFromLayersInOrder() throws IOException {
        List<String> instructions = dockerInstructions();

        List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        String user = users.get(0).substring(5).trim();
        assertThat(user).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(uid(user)).isGreaterThanOrEqualTo(1000);
        // USER comes after every COPY/RUN, so nothing afterwards runs as root.
        assertThat(instructions.indexOf(users.get(0)))
                .isGreaterThan(lastIndexMatching(instructions, "^(COPY|RUN) .*"));

        List<String> layerCopies = instructions.stream().filter(i -> i.startsWith("COPY --from=")).toList();
        String destination = extractionDestination(instructions);
        List<String> expected = BOOT_LAYERS.stream()
                .map(layer -> "COPY --from=extract /extract/" + destination + "/" + layer + "/ ./").toList();
        assertThat(layerCopies).containsExactlyElementsOf(expected);

        assertThat(instructions).contains("EXPOSE 8080");
        assertThat(instructions).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre");
        assertThat(instructions.stream().filter(i -> i.startsWith("FROM ")).toList())
                .containsExactly("FROM ${JRE_IMAGE} AS extract", "FROM ${JRE_IMAGE}");
        String env = instructions.stream().filter(i -> i.startsWith("ENV ")).collect(Collectors.joining(" "));
        assertThat(env).contains("SPRING_PROFILES_ACTIVE=oracle").containsPattern("-XX:MaxRAMPercentage=\\d+");
        String healthcheck = instructions.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(healthcheck).contains("/actuator/health/liveness").contains("127.0.0.1/8080");
        // The build context is the repository root; the image needs only the jar from it.
        assertThat(Files.readAllLines(DEPLOYMENT.resolve("Dockerfile.dockerignore")))
                .contains("*", "!target/duban.jar");
    }

    @Test
    void dockerfileExtractsWithTheJarmodeThisBootVersionDocuments() throws IOException {
        List<String> instructions = dockerInstructions();
        String run = instructions.stream().filter(i -> i.contains("-Djarmode=")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("java -Djarmode=(\\w+) -jar (\\S+) extract(.*)").matcher(run);
        assertThat(m.find()).as(run).isTrue();
        String entrypoint = instructions.stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();

        int[] boot = bootVersion();
        if (boot[0] > 3 || (boot[0] == 3 && boot[1] >= 3)) {
            // Boot 3.3+: "java -Djarmode=tools -jar my-app.jar extract --layers ..." (reference/packaging/
            // container-images/dockerfiles). --launcher keeps the jar layout, started through JarLauncher.
            assertThat(m.group(1)).isEqualTo("tools");
            List<String> options = List.of(m.group(3).trim().split("\\s+"));
            assertThat(options).contains("--layers");
            if (options.contains("--launcher")) {
                assertThat(entrypoint).isEqualTo(
                        "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
            } else {
                assertThat(entrypoint).contains("\"-jar\"");
            }
        } else {
            // Boot 2.3 - 3.2: the layertools jarmode.
            assertThat(m.group(1)).isEqualTo("layertools");
        }
    }

    @Test
    void layersMatchThePackagedJarWhenItHasBeenBuilt() throws IOException {
        Path jar = ROOT.resolve("target/duban.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "target/duban.jar not built (./mvnw package); skipped");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var index = zip.getEntry("BOOT-INF/layers.idx");
            assertThat(index).as("layers.idx in %s", jar).isNotNull();
            List<String> layers = new ArrayList<>();
            try (InputStream in = zip.getInputStream(index)) {
                Matcher m = Pattern.compile("(?m)^- \"([^\"]+)\":").matcher(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
                while (m.find()) {
                    layers.add(m.group(1));
                }
            }
            assertThat(layers).containsExactlyElementsOf(BOOT_LAYERS);
            assertThat(zip.stream().map(e -> e.getName()))
                    .anyMatch(n -> n.matches("BOOT-INF/lib/spring-boot-jarmode-tools-.*\\.jar"));
        }
    }

    // ------------------------------------------------------------------------------------------------- Kubernetes

    @Test
    void kubernetesManifestsUseCurrentApiVersionsAndOneNamespace() {
        Map<String, String> expectedApi = Map.of("Namespace", "v1", "ConfigMap", "v1", "Secret", "v1", "Service", "v1",
                "Deployment", "apps/v1", "Ingress", "networking.k8s.io/v1", "PodDisruptionBudget", "policy/v1");
        Map<String, Map<String, Object>> byKind = k8s();
        assertThat(byKind).containsKeys("ConfigMap", "Secret", "Deployment", "Service", "Ingress",
                "PodDisruptionBudget");
        byKind.forEach((kind, doc) -> {
            assertThat(expectedApi).as("unexpected kind %s", kind).containsKey(kind);
            assertThat(doc.get("apiVersion")).as(kind).isEqualTo(expectedApi.get(kind));
        });
        String namespace = byKind.containsKey("Namespace")
                ? string(map(byKind.get("Namespace").get("metadata")).get("name")) : "duban";
        byKind.forEach((kind, doc) -> {
            if (!kind.equals("Namespace")) {
                assertThat(map(doc.get("metadata")).get("namespace")).as(kind).isEqualTo(namespace);
            }
        });
    }

    @Test
    void kubernetesDeploymentIsReplicatedProbedAndLockedDown() throws IOException {
        Map<String, Map<String, Object>> k8s = k8s();
        Map<String, Object> spec = map(k8s.get("Deployment").get("spec"));
        int replicas = ((Number) spec.get("replicas")).intValue();
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        Map<String, Object> rolling = map(map(spec.get("strategy")).get("rollingUpdate"));
        assertThat(rolling.get("maxUnavailable")).isEqualTo(0);
        assertThat(rolling.get("maxSurge")).isEqualTo(1);

        Map<String, Object> template = map(spec.get("template"));
        Map<String, Object> labels = map(map(template.get("metadata")).get("labels"));
        assertThat(labels).containsAllEntriesOf(strings(map(spec.get("selector")).get("matchLabels")));
        Map<String, Object> pod = map(template.get("spec"));
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        assertThat(podSecurity.get("runAsNonRoot")).isEqualTo(true);
        assertThat(podSecurity.get("runAsUser")).isEqualTo(uid(dockerUser()));

        List<Object> containers = list(pod.get("containers"));
        assertThat(containers).hasSize(1);
        Map<String, Object> container = map(containers.get(0));
        Map<String, Object> port = map(list(container.get("ports")).get(0));
        assertThat(port.get("containerPort")).isEqualTo(map(applicationYaml().get("server")).get("port"));
        String portName = string(port.get("name"));

        // Probe endpoints exist only with management.endpoint.health.probes.enabled (outside Kubernetes too).
        Map<String, Object> management = map(applicationYaml().get("management"));
        assertThat(map(map(map(management.get("endpoint")).get("health")).get("probes")).get("enabled"))
                .isEqualTo(true);
        assertThat(probe(container, "startupProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", portName);
        assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", portName);
        assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", portName);
        Map<String, Object> startup = map(container.get("startupProbe"));
        int startupBudget = ((Number) startup.get("periodSeconds")).intValue()
                * ((Number) startup.get("failureThreshold")).intValue();
        assertThat(startupBudget).as("seconds a first start on Oracle may take").isGreaterThanOrEqualTo(120);

        Map<String, Object> resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");

        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(security).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false).containsEntry("runAsNonRoot", true);
        Map<String, Object> tmpMount = list(container.get("volumeMounts")).stream().map(DeploymentFilesTest::map)
                .filter(v -> "/tmp".equals(v.get("mountPath"))).findFirst().orElseThrow();
        Map<String, Object> tmpVolume = list(pod.get("volumes")).stream().map(DeploymentFilesTest::map)
                .filter(v -> v.get("name").equals(tmpMount.get("name"))).findFirst().orElseThrow();
        assertThat(tmpVolume).containsKey("emptyDir");

        // Settings from the ConfigMap, credentials from the Secret.
        List<Map<String, Object>> envFrom = list(container.get("envFrom")).stream().map(DeploymentFilesTest::map)
                .toList();
        assertThat(envFrom).anySatisfy(e -> assertThat(map(e.get("configMapRef")).get("name"))
                .isEqualTo(map(k8s.get("ConfigMap").get("metadata")).get("name")));
        assertThat(envFrom).anySatisfy(e -> assertThat(map(e.get("secretRef")).get("name"))
                .isEqualTo(map(k8s.get("Secret").get("metadata")).get("name")));
        Map<String, Object> config = map(k8s.get("ConfigMap").get("data"));
        assertThat(config).containsEntry("SPRING_PROFILES_ACTIVE", "oracle");
        assertThat(string(config.get("DUBAN_DB_URL"))).startsWith("jdbc:oracle:thin:@");
        assertThat(config).doesNotContainKeys("DUBAN_DB_PASSWORD", "DUBAN_DB_USER");
        Map<String, Object> secret = map(k8s.get("Secret").get("stringData"));
        assertThat(secret).containsKeys("DUBAN_DB_USER", "DUBAN_DB_PASSWORD");
        assertThat(string(secret.get("DUBAN_DB_PASSWORD"))).startsWith("REPLACE-ME");

        // The disruption budget never blocks a drain completely.
        Map<String, Object> pdb = map(k8s.get("PodDisruptionBudget").get("spec"));
        assertThat(((Number) pdb.get("minAvailable")).intValue()).isBetween(1, replicas - 1);
        assertThat(labels).containsAllEntriesOf(strings(map(pdb.get("selector")).get("matchLabels")));
    }

    @Test
    void kubernetesServiceAndIngressRouteStickyToThePods() throws IOException {
        Map<String, Map<String, Object>> k8s = k8s();
        Map<String, Object> podTemplate = map(map(k8s.get("Deployment").get("spec")).get("template"));
        Map<String, Object> labels = map(map(podTemplate.get("metadata")).get("labels"));
        Map<String, Object> container = map(list(map(podTemplate.get("spec")).get("containers")).get(0));
        String containerPortName = string(map(list(container.get("ports")).get(0)).get("name"));

        Map<String, Object> service = k8s.get("Service");
        Map<String, Object> serviceSpec = map(service.get("spec"));
        assertThat(labels).containsAllEntriesOf(strings(serviceSpec.get("selector")));
        Map<String, Object> servicePort = map(list(serviceSpec.get("ports")).get(0));
        assertThat(servicePort.get("targetPort")).isEqualTo(containerPortName);

        Map<String, Object> ingress = k8s.get("Ingress");
        Map<String, Object> annotations = map(map(ingress.get("metadata")).get("annotations"));
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", maxRequestSizeForProxies());
        assertThat(string(annotations.get("nginx.ingress.kubernetes.io/session-cookie-name")))
                .isNotBlank().isNotEqualTo("JSESSIONID");
        // Annotation values are strings; a bare number or boolean would be rejected by the API server.
        annotations.values().forEach(v -> assertThat(v).isInstanceOf(String.class));

        Map<String, Object> rule = map(list(map(ingress.get("spec")).get("rules")).get(0));
        Map<String, Object> path = map(list(map(rule.get("http")).get("paths")).get(0));
        assertThat(path).containsEntry("path", "/").containsEntry("pathType", "Prefix");
        Map<String, Object> backend = map(map(path.get("backend")).get("service"));
        assertThat(backend.get("name")).isEqualTo(map(service.get("metadata")).get("name"));
        assertThat(map(backend.get("port")).get("name")).isEqualTo(servicePort.get("name"));
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static List<Object> loadAll(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Object> documents = new ArrayList<>();
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Object>> k8s() {
        Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DEPLOYMENT.resolve("k8s"))) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                for (Object document : loadAll(file)) {
                    Map<String, Object> doc = map(document);
                    String kind = string(doc.get("kind"));
                    if (byKind.put(kind, doc) != null) {
                        fail("more than one %s in deployment/k8s; the test expects one of each", kind);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }

    private static Map<String, Object> applicationYaml() {
        return map(loadAll(APPLICATION_YAML).get(0));
    }

    /** spring.servlet.multipart.max-request-size ("25MB") as nginx writes sizes ("25m"). */
    private static String maxRequestSizeForProxies() {
        Map<String, Object> spring = map(applicationYaml().get("spring"));
        String size = string(map(map(spring.get("servlet")).get("multipart")).get("max-request-size"));
        Matcher m = Pattern.compile("(\\d+)\\s*MB").matcher(size);
        assertThat(m.matches()).as("max-request-size %s", size).isTrue();
        return m.group(1) + "m";
    }

    private static List<String> dependsOnHealthy(Map<String, Object> services, String service) {
        Map<String, Object> dependsOn = map(map(services.get(service)).get("depends_on"));
        dependsOn.values().forEach(v -> assertThat(map(v)).containsEntry("condition", "service_healthy"));
        return new ArrayList<>(dependsOn.keySet());
    }

    private static String healthcheckTest(Map<String, Object> services, String service) {
        Object test = map(map(services.get(service)).get("healthcheck")).get("test");
        return test instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    private static Map<String, Object> probe(Map<String, Object> container, String name) {
        Map<String, Object> httpGet = map(map(container.get(name)).get("httpGet"));
        return Map.of("path", httpGet.get("path"), "port", httpGet.get("port"));
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<String> dockerInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DEPLOYMENT.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        return instructions;
    }

    private static String dockerUser() throws IOException {
        return dockerInstructions().stream().filter(i -> i.startsWith("USER ")).findFirst().orElseThrow()
                .substring(5).trim();
    }

    private static String extractionDestination(List<String> instructions) {
        String run = instructions.stream().filter(i -> i.contains("-Djarmode=")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("--destination[ =](\\S+)").matcher(run);
        assertThat(m.find()).as("extract --destination in %s", run).isTrue();
        return m.group(1);
    }

    private static int uid(String user) {
        String uid = user.split(":")[0];
        assertThat(uid).as("USER must be a numeric uid so runAsNonRoot can verify it").matches("\\d+");
        return Integer.parseInt(uid);
    }

    private static int lastIndexMatching(List<String> lines, String regex) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                last = i;
            }
        }
        return last;
    }

    private static int[] bootVersion() {
        String version = SpringBootVersion.getVersion();
        assertThat(version).as("Spring Boot version from the spring-boot jar").isNotNull();
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static String stripHashComments(String conf) {
        return conf.lines().map(l -> l.replaceAll("(^|\\s)#.*$", "")).collect(Collectors.joining("\n"));
    }

    /** The body of the first "{header} { ... }" block (no nested braces inside upstream/map blocks). */
    private static String block(String conf, String header) {
        int start = conf.indexOf(header + " {");
        assertThat(start).as("block '%s' in nginx config", header).isNotNegative();
        int open = conf.indexOf('{', start);
        return conf.substring(open + 1, conf.indexOf('}', open));
    }

    private static String value(String conf, String directive) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(directive) + "\\s+([^;]+);").matcher(conf);
        assertThat(m.find()).as("%s in nginx config", directive).isTrue();
        return m.group(1).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).as("expected a YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> strings(Object o) {
        return map(o);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).as("expected a YAML sequence").isInstanceOf(List.class);
        return (List<Object>) o;
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
