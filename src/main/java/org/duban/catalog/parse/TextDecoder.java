package org.duban.catalog.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text document into a string. Chinese government documents arrive as UTF-8 (with or without
 * BOM) or GB18030/GBK; a strict UTF-8 decode tells them apart, because GBK text is almost never valid UTF-8.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** More control characters than this share of the text means the file is not a text document. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String fileName) throws CatalogParseException {
        if (bytes.length == 0) {
            throw new CatalogParseException("文件为空 / file is empty: " + fileName);
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8, fileName);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE, fileName);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE, fileName);
        } else {
            if (containsNul(bytes)) {
                throw binary(fileName);
            }
            text = tryStrict(bytes, StandardCharsets.UTF_8);
            if (text == null) {
                text = tryStrict(bytes, GB18030);
            }
            if (text == null) {
                throw new CatalogParseException(
                        "无法识别文件编码（不是 UTF-8 或 GB18030 文本） / cannot decode as UTF-8 or GB18030 text: " + fileName);
            }
        }
        if (text.isBlank()) {
            throw new CatalogParseException("文件为空 / file is empty: " + fileName);
        }
        // also behind a BOM: a NUL is never text, and PostgreSQL cannot store one
        if (text.indexOf('\0') >= 0 || controlShare(text) > MAX_CONTROL_SHARE) {
            throw binary(fileName);
        }
        return text;
    }

    private static CatalogParseException binary(String fileName) {
        return new CatalogParseException("不是文本文件（含二进制数据） / binary content, not a text document: " + fileName);
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String fileName)
            throws CatalogParseException {
        String text = tryStrict(ByteBuffer.wrap(bytes, offset, bytes.length - offset), charset);
        if (text == null) {
            throw new CatalogParseException("文件编码错误（" + charset.name() + "） / invalid " + charset.name()
                    + " text: " + fileName);
        }
        return text;
    }

    private static String tryStrict(byte[] bytes, Charset charset) {
        return tryStrict(ByteBuffer.wrap(bytes), charset);
    }

    private static String tryStrict(ByteBuffer buffer, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Share of characters that no text document contains: C0/C1 controls other than tab, line feed, CR, form feed. */
    private static double controlShare(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            } else if (c == '\uFFFD' || Character.getType(c) == Character.PRIVATE_USE
                    || Character.getType(c) == Character.UNASSIGNED) {
                controls++;
            }
        }
        return (double) controls / text.length();
    }
}
