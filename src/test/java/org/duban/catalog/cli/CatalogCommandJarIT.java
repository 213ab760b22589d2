package org.duban.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line contract as other tools use it: the packaged {@code target/duban.jar}, started from another folder,
 * prints the seed's catalog as JSON and exits 0 without starting the web server or opening a database.
 */
class CatalogCommandJarIT {

    private static final Path JAR = Path.of("target/duban.jar").toAbsolutePath();
    private static final Path SEED = Path.of("src/main/resources/catalog/seed/heze-2023.txt").toAbsolutePath();

    record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(File workDir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = new ProcessBuilder(command).directory(workDir)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheSeedCatalogAsJsonWithoutStartingTheApplication(@TempDir File workDir) throws Exception {
        Run run = run(workDir, "catalog", "parse", SEED.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.stdout());
        assertThat(plan.get("documentNumber").asText()).isEqualTo("菏政办字〔2023〕13号");
        assertThat(plan.get("year").asInt()).isEqualTo(2023);
        assertThat(plan.get("sections")).hasSize(11);
        int tasks = 0;
        for (JsonNode section : plan.get("sections")) {
            tasks += section.get("tasks").size();
        }
        assertThat(tasks).isEqualTo(96);
        JsonNode task23 = plan.get("sections").get(2).get("tasks").get(4);
        assertThat(task23.get("number").asInt()).isEqualTo(23);
        assertThat(task23.get("leadUnits").get(0).asText()).isEqualTo("市发展改革委");
        assertThat(task23.get("indicators").get(0).get("value").isNumber()).isTrue();
        assertThat(task23.get("indicators").get(0).get("value").decimalValue()).isEqualByComparingTo("460");
        // no Spring banner, no log lines, no database files: only the JSON
        assertThat(run.stdout().strip()).startsWith("{").endsWith("}");
        assertThat(run.stderr()).doesNotContain("Spring").doesNotContain("Tomcat");
        assertThat(new File(workDir, "data")).doesNotExist();
    }

    @Test
    void unreadableInputExitsWith2AndAMessageOnStderr(@TempDir File workDir) throws Exception {
        Run missing = run(workDir, "catalog", "parse", new File(workDir, "nope.txt").getPath());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.txt");
        assertThat(missing.stdout()).isEmpty();

        Path empty = workDir.toPath().resolve("empty.txt");
        Files.write(empty, new byte[0]);
        Run emptyRun = run(workDir, "catalog", "parse", empty.toString());
        assertThat(emptyRun.exitCode()).isEqualTo(2);
        assertThat(emptyRun.stderr()).contains("empty.txt");
    }
}
