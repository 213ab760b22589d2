package org.duban.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // a stream with a non-UTF-8 default: the command must write UTF-8 regardless
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
        return CatalogCommand.run(args, stdout, stderr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path seedFile() throws IOException {
        Path file = dir.resolve("heze-2023.txt");
        try (InputStream in = getClass().getResourceAsStream("/catalog/seed/heze-2023.txt")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void parsesTheSeedToJsonOnStdout() throws Exception {
        int exit = run("catalog", "parse", seedFile().toString());

        assertThat(exit).isZero();
        assertThat(stderr()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("title").asText()).isEqualTo("菏泽市建设绿色低碳高质量发展先行区2023年重点工作任务");
        assertThat(root.get("documentNumber").asText()).isEqualTo("菏政办字〔2023〕13号");
        assertThat(root.get("year").asInt()).isEqualTo(2023);
        assertThat(root.get("sections")).hasSize(11);
        int tasks = 0;
        for (JsonNode section : root.get("sections")) {
            tasks += section.get("tasks").size();
        }
        assertThat(tasks).isEqualTo(96);
        assertThat(root.get("warnings")).hasSize(3);

        JsonNode t23 = root.at("/sections/2/tasks/4");
        assertThat(t23.get("number").asInt()).isEqualTo(23);
        assertThat(t23.get("title").asText()).isEqualTo("大力发展可再生能源");
        assertThat(t23.get("text").asText()).isEqualTo("大力发展可再生能源。有序发展风力发电、太阳能发电、生物质发电等新能源，"
                + "加快清洁能源“一基地两示范”建设以及整县分布式光伏开发建设，新能源和可再生能源发电装机达到460万千瓦以上。");
        assertThat(t23.get("leadUnits")).extracting(JsonNode::asText).containsExactly("市发展改革委");
        assertThat(t23.get("participatingUnits")).hasSize(12).first().extracting(JsonNode::asText)
                .isEqualTo("市自然资源和规划局");
        assertThat(t23.get("unresolved")).isEmpty();
        JsonNode indicator = t23.at("/indicators/0");
        assertThat(t23.get("indicators")).hasSize(1);
        assertThat(indicator.get("text").asText()).isEqualTo("新能源和可再生能源发电装机达到460万千瓦以上");
        assertThat(indicator.get("value").isNumber()).isTrue();
        assertThat(indicator.get("value").asInt()).isEqualTo(460);
        assertThat(indicator.get("unit").asText()).isEqualTo("万千瓦");
        assertThat(indicator.get("comparator").asText()).isEqualTo("AT_LEAST");
        // Chinese is written as UTF-8, not escaped
        assertThat(stdout()).contains("菏政办字〔2023〕13号").doesNotContain("\\u");
    }

    @Test
    void aDocxFileGivesPureJsonOnStdoutAndSystemOutIsRestored() throws Exception {
        Path docx = dir.resolve("plan.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream file = Files.newOutputStream(docx)) {
            for (String line : List.of("某市2031年重点工作任务", "一、稳定增长", "1. 扩大投资。完成投资300亿元以上。（牵头单位：市发改委）")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(file);
        }
        PrintStream before = System.out;

        assertThat(run("catalog", "parse", docx.toString())).isZero();

        assertThat(System.out).isSameAs(before);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("title").asText()).isEqualTo("某市2031年重点工作任务");
        assertThat(root.at("/sections/0/tasks/0/leadUnits/0").asText()).isEqualTo("市发展改革委");
        assertThat(root.at("/sections/0/tasks/0/indicators/0/value").decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void missingFileExitsTwoWithTheNameOnStderr() {
        Path missing = dir.resolve("nope.txt");
        assertThat(run("catalog", "parse", missing.toString())).isEqualTo(CatalogCommand.UNREADABLE).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("nope.txt").contains("文件不存在");
    }

    @Test
    void emptyFileExitsTwo() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertThat(run("catalog", "parse", empty.toString())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("文件为空").contains("empty.txt");
    }

    @Test
    void binaryFileExitsTwo() throws IOException {
        Path binary = Files.write(dir.resolve("data.bin"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 7});
        assertThat(run("catalog", "parse", binary.toString())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("data.bin").doesNotContain("Exception");
    }

    @Test
    void aBrokenDocxIsReportedInOneLineWithoutStackTraces() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream entries = new ZipOutputStream(zip)) {
            entries.putNextEntry(new ZipEntry("[Content_Types].xml"));
            entries.write("<Types".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        Path broken = Files.write(dir.resolve("broken.docx"), zip.toByteArray());

        assertThat(run("catalog", "parse", broken.toString())).isEqualTo(2);

        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("错误 / error: 不是有效的 .docx 文件").contains("broken.docx")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aDirectoryIsUnreadable() {
        assertThat(run("catalog", "parse", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("无法读取文件");
    }

    @Test
    void wrongUsageExitsSixtyFourWithUsage() {
        assertThat(run("catalog")).isEqualTo(CatalogCommand.USAGE).isEqualTo(64);
        assertThat(stderr()).contains("catalog parse FILE");
        assertThat(stdout()).isEmpty();
        err.reset();
        assertThat(run("catalog", "import", "x.txt")).isEqualTo(64);
        assertThat(run("catalog", "parse", "a.txt", "b.txt")).isEqualTo(64);
    }

    @Test
    void handlesOnlyTheCatalogCommand() {
        assertThat(CatalogCommand.handles(new String[] {"catalog", "parse", "x"})).isTrue();
        assertThat(CatalogCommand.handles(new String[] {"--server.port=8081"})).isFalse();
        assertThat(CatalogCommand.handles(new String[0])).isFalse();
    }
}
