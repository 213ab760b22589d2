package org.duban.inbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an uploaded file must be, wherever it is attached ({@code duban.attachments.*}): not empty, not too large, of an
 * allowed type, not one too many; its name stripped of paths and control characters.
 */
@Component
public class AttachmentRules {

    /** A file that passed the rules: its clean name, a content type that fits the column, its SHA-256. */
    record Checked(String fileName, String contentType, byte[] content, String sha256) {
    }

    private final long maxBytes;
    private final int maxFiles;
    private final List<String> allowedExtensions;

    AttachmentRules(@Value("${duban.attachments.max-bytes:10485760}") long maxBytes,
            @Value("${duban.attachments.max-files:20}") int maxFiles,
            @Value("${duban.attachments.allowed-extensions:pdf,doc,docx,xls,xlsx,jpg,jpeg,png}")
            List<String> allowedExtensions) {
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.allowedExtensions = allowedExtensions.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).toList();
    }

    /** Checks one more file for a place that holds {@code filesSoFar}; throws with the reason when it may not. */
    Checked check(String fileName, String contentType, byte[] content, long filesSoFar) {
        String name = baseName(fileName);
        if (content == null || content.length == 0 || name.isEmpty()) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.EMPTY, name,
                    "文件为空 / the file is empty");
        }
        if (content.length > maxBytes) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TOO_LARGE,
                    String.valueOf(maxBytes / 1024 / 1024), "文件超过 " + maxBytes + " 字节 / larger than " + maxBytes
                            + " bytes");
        }
        if (!allowedExtensions.contains(extensionOf(name))) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED,
                    String.join(", ", allowedExtensions), "不允许的文件类型 / file type not allowed: " + name);
        }
        if (filesSoFar >= maxFiles) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TOO_MANY,
                    String.valueOf(maxFiles), "附件最多 " + maxFiles + " 个 / at most " + maxFiles + " files");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        return new Checked(name, type.length() > 120 ? type.substring(0, 120) : type, content, sha256(content));
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public List<String> allowedExtensions() {
        return allowedExtensions;
    }

    static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\x00-\\x1F\\x7F]", "");
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
