package org.duban.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportService;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Files attached to a report: stored and read back byte for byte, limited, and only for the report's own clerks. */
class AttachmentServiceTest extends WorkflowTestSupport {

    @Autowired AttachmentService attachments;
    @Autowired ReportService reportService;

    @BeforeEach
    void cycleOpen() {
        openCycle("2023Q2");
    }

    @Test
    void aLargeFileIsStoredInPartsAndReadBackExactly() {
        ProgressReport report = report(85, "CAOXIAN", "2023Q2");
        byte[] content = new byte[900_000]; // three base64 parts
        new Random(7).nextBytes(content);

        AttachmentInfo saved = actors.as("caoxian.clerk", () -> attachments.upload(report.getId(),
                "C:\\材料\\调研报告.pdf", "application/pdf", content));

        assertThat(saved.fileName()).isEqualTo("调研报告.pdf");
        assertThat(saved.byteCount()).isEqualTo(900_000);
        assertThat(actors.as("caoxian.clerk", () -> attachments.list(report.getId())))
                .extracting(AttachmentInfo::fileName).containsExactly("调研报告.pdf");
        assertThat(actors.as("caoxian.clerk", () -> attachments.content(saved.id()))).isEqualTo(content);
        // another county sees its own (empty) list, never this one
        assertThat(actors.as("shanxian.clerk", () -> attachments.list(
                report(85, "SHANXIAN", "2023Q2").getId()))).extracting(AttachmentInfo::id)
                .doesNotContain(saved.id());
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> attachments.content(saved.id())))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> attachments.list(report.getId())))
                .isInstanceOf(WorkflowAccessException.class);

        actors.as("caoxian.clerk", () -> attachments.delete(saved.id()));
        assertThat(actors.as("caoxian.clerk", () -> attachments.list(report.getId()))).isEmpty();
    }

    @Test
    void typeSizeAndWriterAreChecked() {
        ProgressReport report = report(85, "CAOXIAN", "2023Q2");
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> attachments.upload(report.getId(), "run.exe",
                "application/octet-stream", new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> attachments.upload(report.getId(), "big.pdf",
                "application/pdf", new byte[(int) attachments.maxBytes() + 1])))
                .isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> attachments.upload(report.getId(), "empty.pdf",
                "application/pdf", new byte[0])))
                .isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.EMPTY));
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> attachments.upload(report.getId(), "a.pdf",
                "application/pdf", new byte[] {1}))).isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("caoxian.leader", () -> attachments.upload(report.getId(), "a.pdf",
                "application/pdf", new byte[] {1}))).isInstanceOf(WorkflowAccessException.class);
    }

    @Test
    void aSubmittedReportsAttachmentsNoLongerChange() {
        ProgressReport report = report(85, "SHANXIAN", "2023Q2");
        AttachmentInfo kept = actors.as("shanxian.clerk", () -> attachments.upload(report.getId(), "表.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {5, 6}));
        actors.as("shanxian.clerk", () -> reportService.submit(taskOf(report, "fillReport").getId(),
                reportValues("按计划推进", 40, false, null)));

        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> attachments.upload(report.getId(), "b.pdf",
                "application/pdf", new byte[] {1})))
                .isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.NOT_EDITABLE));
        assertThatThrownBy(() -> actors.as("shanxian.clerk", () -> attachments.delete(kept.id())))
                .isInstanceOf(AttachmentRejectedException.class);
        assertThat(actors.as("shanxian.leader", () -> attachments.list(report.getId()))).hasSize(1);
    }
}
