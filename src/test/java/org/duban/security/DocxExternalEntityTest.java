package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.catalog.parse.CatalogParseException;
import org.duban.catalog.parse.CatalogParser;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.org.StaticUnitDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog importer's .docx input (Apache POI) with hostile XML inside: an external entity pointing at a local
 * file, an external DTD, an entity expansion bomb. None may be resolved: the file's content never appears in what is
 * parsed, the parser refuses the document or reads it without the entity, and it returns promptly.
 */
class DocxExternalEntityTest {

    private static final String SECRET = "TOP-SECRET-XXE-MARKER";

    @TempDir Path temp;

    private final CatalogParser parser = new CatalogParser(StaticUnitDirectory.load());

    /** A valid .docx whose word/document.xml is replaced by the given XML. */
    private static byte[] docxWithDocumentXml(String documentXml) throws IOException {
        byte[] plain;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("placeholder");
            doc.write(out);
            plain = out.toByteArray();
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
                ZipOutputStream out = new ZipOutputStream(result)) {
            ZipEntry entry;
            boolean replaced = false;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    out.write(documentXml.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            assertThat(replaced).isTrue();
        }
        return result.toByteArray();
    }

    private static String document(String doctype, String paragraphText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>某市2031年重点工作任务</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>1. 任务 " + paragraphText + "（市科技局牵头）</w:t></w:r></w:p>"
                + "</w:body></w:document>";
    }

    /** What the parser makes of the bytes: the parsed text, or the refusal's message. */
    private String outcome(byte[] docx) {
        Throwable refused = catchThrowable(() -> parser.parse(docx, "hostile.docx"));
        if (refused != null) {
            assertThat(refused).isInstanceOf(CatalogParseException.class);
            return "REFUSED: " + refused.getMessage();
        }
        try {
            ParsedPlan plan = parser.parse(docx, "hostile.docx");
            return plan.toString();
        } catch (CatalogParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBaselineDocumentParses() throws IOException {
        String parsed = outcome(docxWithDocumentXml(document("", "建设实验室")));
        assertThat(parsed).doesNotStartWith("REFUSED").contains("建设实验室");
    }

    @Test
    void anExternalEntityToALocalFileIsNotResolved() throws IOException {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String doctype = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n";
        String parsed = outcome(docxWithDocumentXml(document(doctype, "&xxe;")));
        assertThat(parsed).doesNotContain(SECRET);
        assertThat(parsed).startsWith("REFUSED").contains("hostile.docx");
    }

    @Test
    void anExternalDtdIsNotFetched() throws IOException {
        Path dtd = temp.resolve("evil.dtd");
        Path marker = temp.resolve("fetched.txt");
        // if the DTD were read, its parameter entity would pull the secret in
        Files.writeString(marker, SECRET);
        Files.writeString(dtd, "<!ENTITY xxe SYSTEM \"" + marker.toUri() + "\">");
        String doctype = "<!DOCTYPE w:document SYSTEM \"" + dtd.toUri() + "\">\n";
        String parsed = outcome(docxWithDocumentXml(document(doctype, "&xxe;")));
        assertThat(parsed).doesNotContain(SECRET);
    }

    @Test
    void anEntityExpansionBombIsRefusedQuickly() throws IOException {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>\n");
        long start = System.nanoTime();
        String parsed = outcome(docxWithDocumentXml(document(doctype.toString(), "&a12;")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(parsed).startsWith("REFUSED");
        assertThat(parsed).doesNotContain("lollollol");
        assertThat(millis).isLessThan(10_000);
    }
}
