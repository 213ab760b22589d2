package org.duban.catalog.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a file's bytes into located lines: text files line by line, .docx files paragraph by paragraph. */
final class DocumentReader {

    private DocumentReader() {
    }

    static List<SourceLine> read(byte[] content, String fileName) throws CatalogParseException {
        if (content.length == 0) {
            throw new CatalogParseException("文件为空 / file is empty: " + fileName);
        }
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        if (isZip(content) || lowerName.endsWith(".docx")) {
            return DocxReader.read(content, fileName);
        }
        if (isOle2(content)) {
            throw new CatalogParseException(
                    "不支持旧版 Word/Excel 文件，请另存为 .docx 或 .txt / legacy .doc/.xls is not supported, save as .docx or .txt: "
                            + fileName);
        }
        if (startsWithAscii(content, "%PDF")) {
            throw new CatalogParseException(
                    "不支持 PDF，请另存为 .docx 或 .txt / PDF is not supported, save as .docx or .txt: " + fileName);
        }
        return textLines(TextDecoder.decode(content, fileName));
    }

    /** Splits on LF, CRLF or CR; numbers lines from 1 as an editor shows them. */
    static List<SourceLine> textLines(String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new SourceLine(TextNormalizer.normalizeLine(raw[i]), "第" + (i + 1) + "行"));
        }
        return lines;
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
    }

    private static boolean startsWithAscii(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
