package org.duban.inbox;

import java.time.Clock;
import java.util.List;
import org.duban.audit.AuditService;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.WorkflowAccessException;
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
    private final AttachmentRules rules;

    public AttachmentService(ReportAttachmentRepository attachments, ProgressReportRepository reports,
            CurrentUser currentUser, AuditService audit, Clock clock, AttachmentRules rules) {
        this.attachments = attachments;
        this.reports = reports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public AttachmentInfo upload(Long reportId, String fileName, String contentType, byte[] content) {
        DubanUserDetails user = currentUser.require();
        ProgressReport report = report(reportId);
        requireWritable(user, report);
        AttachmentRules.Checked file = rules.check(fileName, contentType, content,
                attachments.countByReportId(reportId));
        ReportAttachment saved = attachments.save(new ReportAttachment(report, file, user.getUsername(),
                clock.instant()));
        audit.record(user.getUsername(), "ATTACHMENT_ADDED", "ProgressReport", report.getBusinessKey(),
                file.fileName() + " (" + content.length + " B)", null, saved.getSha256());
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

    public AttachmentRules rules() {
        return rules;
    }

    public long maxBytes() {
        return rules.maxBytes();
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
}
