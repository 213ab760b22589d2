package org.duban.catalog.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Unreadable input fails with a CatalogParseException naming the file, and nothing else ever escapes. */
class BadInputTest {

    private final CatalogParser parser = Fixtures.parser();

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "empty.txt")).isInstanceOf(CatalogParseException.class)
                .hasMessage("文件为空 / file is empty: empty.txt");
        assertThatThrownBy(() -> parser.parse(" \r\n\t\n　".getBytes(StandardCharsets.UTF_8), "blank.txt"))
                .isInstanceOf(CatalogParseException.class).hasMessage("文件为空 / file is empty: blank.txt");
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "bom.txt"))
                .isInstanceOf(CatalogParseException.class).hasMessage("文件为空 / file is empty: bom.txt");
    }

    @Test
    void binaryFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> parser.parse(png, "image.png")).isInstanceOf(CatalogParseException.class)
                .hasMessageContaining("image.png").hasMessageContaining("binary");
    }

    @Test
    void undecodableBytes() {
        byte[] bytes = new byte[64];
        Arrays.fill(bytes, (byte) 0xFF);
        assertThatThrownBy(() -> parser.parse(bytes, "junk.txt")).isInstanceOf(CatalogParseException.class)
                .hasMessageContaining("junk.txt");
    }

    @Test
    void pdfAndLegacyOfficeFilesAreNamedAsSuch() {
        assertThatThrownBy(() -> parser.parse("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "plan.pdf"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("PDF").hasMessageContaining("plan.pdf");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> parser.parse(ole2, "plan.doc")).isInstanceOf(CatalogParseException.class)
                .hasMessageContaining(".doc").hasMessageContaining("plan.doc");
    }

    @Test
    void textWithoutNumberedTasks() {
        assertThatThrownBy(() -> parser.parse("没有编号的任务。".getBytes(StandardCharsets.UTF_8), "notasks.txt"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("notasks.txt")
                .hasMessageContaining("no numbered tasks");
        assertThatThrownBy(() -> parser.parse("一、总体要求\n二、保障措施\n".getBytes(StandardCharsets.UTF_8), "s.txt"))
                .isInstanceOf(CatalogParseException.class).hasMessageContaining("s.txt");
    }

    @Test
    void messagesCarryNoStackTrace() {
        try {
            parser.parse(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "broken.docx");
            fail("expected CatalogParseException");
        } catch (CatalogParseException e) {
            assertThat(e.getMessage()).contains("broken.docx").doesNotContain("\tat ").doesNotContain("\n");
        }
    }

    /** Random and mangled input: the parser either reads it or says it cannot, it never throws anything else. */
    @Test
    void garbageNeverEscapesAsAnotherException() throws IOException {
        Random random = new Random(20230331);
        byte[] seed = Fixtures.resource(Fixtures.SEED);
        byte[] docx = seedAsDocx();
        String alphabet = "1234567890.．、。，；：（）()一二三四五六七八九十牵头单位参与各县区政府管委会有关市局%万亿家个以上左右约—\n\r 　“”《》";
        for (int round = 0; round < 400; round++) {
            byte[] input = switch (round % 6) {
                case 0 -> randomBytes(random, random.nextInt(2000));
                case 1 -> mutate(random, seed, 1 + random.nextInt(50));
                case 2 -> Arrays.copyOf(seed, random.nextInt(seed.length));
                case 3 -> mutate(random, docx, 1 + random.nextInt(20));
                case 4 -> randomText(random, alphabet, random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
                default -> randomText(random, alphabet, random.nextInt(3000)).getBytes(Charset.forName("GB18030"));
            };
            String name = round % 6 == 3 ? "fuzz.docx" : "fuzz.txt";
            try {
                ParsedPlan plan = parser.parse(input, name);
                assertThat(plan.allTasks()).isNotEmpty();
                CatalogJson.toJson(plan);
            } catch (CatalogParseException expected) {
                assertThat(expected.getMessage()).contains(name);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("round " + round + " threw " + e, e);
            }
        }
    }

    private static byte[] seedAsDocx() throws IOException {
        String seed = new String(Fixtures.resource(Fixtures.SEED), StandardCharsets.UTF_8);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : seed.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(Random random, byte[] original, int changes) {
        byte[] copy = original.clone();
        for (int i = 0; i < changes; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
