package org.duban.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body held in memory: read into parts (field name, file name, content) and written back
 * byte for byte, less any parts removed. Enough for Camunda Modeler's deployments; not a general MIME parser.
 */
final class MultipartBody {

    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    record Part(String headers, String name, String fileName, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final String boundary;
    private final List<Part> parts;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    List<Part> parts() {
        return parts;
    }

    /** The boundary of a {@code multipart/form-data} content type, or {@code null}. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)boundary=(\"[^\"]+\"|[^;\\s]+)").matcher(contentType);
        if (!m.find()) {
            return null;
        }
        String b = m.group(1);
        return b.startsWith("\"") ? b.substring(1, b.length() - 1) : b;
    }

    static MultipartBody parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("multipart body without its boundary");
        }
        List<Part> parts = new ArrayList<>();
        pos += delimiter.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                break;
            }
            if (pos + 1 >= body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
                throw new IllegalArgumentException("multipart body is truncated");
            }
            pos += 2;
            int headerEnd = indexOf(body, HEADER_END, pos);
            if (headerEnd < 0) {
                throw new IllegalArgumentException("multipart part without headers");
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int start = headerEnd + HEADER_END.length;
            int end = indexOf(body, separator, start);
            if (end < 0) {
                throw new IllegalArgumentException("multipart part without closing boundary");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, start, end);
            String disposition = headers.lines().filter(l -> l.toLowerCase(Locale.ROOT)
                    .startsWith("content-disposition:")).findFirst().orElse("");
            parts.add(new Part(headers, group(NAME, disposition.substring(disposition.indexOf(':') + 1)),
                    group(FILE_NAME, disposition), content));
            pos = end + separator.length;
        }
        return new MultipartBody(boundary, parts);
    }

    MultipartBody without(String fieldName) {
        return new MultipartBody(boundary, parts.stream().filter(p -> !fieldName.equals(p.name())).toList());
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        for (Part part : parts) {
            out.writeBytes(delimiter);
            out.writeBytes(CRLF);
            out.writeBytes(part.headers().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(HEADER_END);
            out.writeBytes(part.content());
            out.writeBytes(CRLF);
        }
        out.writeBytes(delimiter);
        out.writeBytes("--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
