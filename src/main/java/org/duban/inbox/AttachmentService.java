package org.duban.inbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.duban.audit.AuditService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a progress report (佐证材料): only the report's clerks add or remove them, only while the report
 * is with them; size, number and type are limited ({@code duban.attachments.*}); whoever may see the report may
 * download them. Every change is audited.
 */
@Service
public class AttachmentService {

    private final ReportAttachmentRepository attachments;
    private final ProgressReportRepository reports;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;
    private final long maxBytes;
    private final int maxFiles;
    private final List<String> allowedExtensions;

    public AttachmentService(ReportAttachmentRepository attachments, ProgressReportRepository reports,
            CurrentUser currentUser, AuditService audit, Clock clock,
            @Value("${duban.attachments.max-bytes:10485760}") long maxBytes,
            @Value("${duban.attachments.max-files:20}") int maxFiles,
            @Value("${duban.attachments.allowed-extensions:pdf,doc,docx,xls,xlsx,jpg,jpeg,png}")
            List<String> allowedExtensions) {
        this.attachments = attachments;
        this.reports = reports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.allowedExtensions = allowedExtensions.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).toList();
    }

    @Transactional
    public AttachmentInfo upload(Long reportId, String fileName, String contentType, byte[] content) {
        DubanUserDetails user = currentUser.require();
        ProgressReport report = report(reportId);
        requireWritable(user, report);
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
        String extension = extensionOf(name);
        if (!allowedExtensions.contains(extension)) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED,
                    String.join(", ", allowedExtensions), "不允许的文件类型 / file type not allowed: " + name);
        }
        if (attachments.countByReportId(reportId) >= maxFiles) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TOO_MANY,
                    String.valueOf(maxFiles), "附件最多 " + maxFiles + " 个 / at most " + maxFiles + " files");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        ReportAttachment saved = attachments.save(new ReportAttachment(report, name,
                type.length() > 120 ? type.substring(0, 120) : type, content, sha256(content), user.getUsername(),
                clock.instant()));
        audit.record(user.getUsername(), "ATTACHMENT_ADDED", "ProgressReport", report.getBusinessKey(),
                name + " (" + content.length + " B)", null, saved.getSha256());
        return AttachmentInfo.of(saved);
    }

    @Transactional
    public void delete(Long attachmentId) {
        DubanUserDetails user = currentUser.require();
        ReportAttachment attachment = attachment(attachmentId);
        ProgressReport report = attachment.getReport();
        requireWritable(user, report);
        attachments.delete(attachment);
        audit.record(user.getUsername(), "ATTACHMENT_REMOVED", "ProgressReport", report.getBusinessKey(),
                attachment.getFileName(), attachment.getSha256(), null);
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(Long reportId) {
        ReportAccess.requireMaySee(currentUser.require(), report(reportId));
        return attachments.findByReportIdOrderByUploadedAtAscIdAsc(reportId).stream().map(AttachmentInfo::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public byte[] content(Long attachmentId) {
        ReportAttachment attachment = attachment(attachmentId);
        ReportAccess.requireMaySee(currentUser.require(), attachment.getReport());
        return attachment.content();
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

    private ProgressReport report(Long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("No progress report " + reportId));
    }

    private ReportAttachment attachment(Long attachmentId) {
        return attachments.findById(attachmentId)
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId));
    }

    private static void requireWritable(DubanUserDetails user, ProgressReport report) {
        if (!ReportAccess.isClerkOf(user, report)) {
            throw new WorkflowAccessException("只有" + report.getUnit().getName() + "的经办人可以管理附件 / only clerks of "
                    + report.getUnit().getCode() + " may change the attachments");
        }
        if (!report.getStatus().isEditableByClerk()) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.NOT_EDITABLE,
                    report.getStatus().name(), "报告已报送，不能修改附件 / the report is "
                            + report.getStatus() + ": its attachments cannot change");
        }
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
