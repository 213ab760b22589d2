package org.duban.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.duban.audit.AuditEvent;
import org.duban.audit.AuditService;
import org.duban.catalog.KeyTask;
import org.duban.inbox.AttachmentInfo;
import org.duban.inbox.AttachmentRejectedException;
import org.duban.inbox.ClosureEvidenceService;
import org.duban.inbox.ClosureEvidenceService.EvidenceFile;
import org.duban.inbox.TaskFormService;
import org.duban.supervision.KeyTaskSteps;
import org.duban.support.RenderedViews;
import org.duban.workflow.WorkflowAccessException;
import org.duban.workflow.WorkflowTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Closure (销号) evidence files, on key task 13 (市工业和信息化局 leads alone; no other test moves its process): the
 * lead uploads and removes files while its application is open, the files go with the application when it is
 * submitted and cannot be removed afterwards, the supervisor sees and downloads them on the review screen; other units
 * can neither add nor read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClosureEvidenceTest extends WorkflowTestSupport {

    private static final byte[] REPORT = "%PDF-1.4 验收报告".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired TaskFormService forms;
    @Autowired ClosureEvidenceService evidence;
    @Autowired KeyTaskSteps steps;
    @Autowired AuditService audit;

    @Test
    void leadAttachesEvidenceThatGoesWithTheApplicationAndTheSupervisorReadsIt() throws Exception {
        KeyTask t13 = task(13);
        actors.as("supervisor", () -> forms.complete(keyTaskStep(t13, "confirmAssignment").getId(), Map.of()));
        actors.as("gxj.reviewer", () -> forms.complete(keyTaskStep(t13, "acceptAssignment").getId(),
                Map.of("decision", "ACCEPT")));
        actors.as("gxj.reviewer", () -> forms.complete(keyTaskStep(t13, "draftWorkPlan").getId(),
                Map.of("milestones", "年底前完成")));
        actors.as("supervisor", () -> steps.inviteClosure(t13.getId()));
        String apply = keyTaskStep(t13, "applyForClosure").getId();

        AttachmentInfo report = actors.as("gxj.reviewer", () -> evidence.upload(apply, "C:\\材料\\验收报告.pdf",
                "application/pdf", REPORT));
        assertThat(report.fileName()).isEqualTo("验收报告.pdf");
        AttachmentInfo draft = actors.as("gxj.reviewer", () -> evidence.upload(apply, "草稿.docx", null,
                new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> evidence.upload(apply, "tool.exe", null,
                new byte[] {1}))).isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> actors.as("caoxian.clerk", () -> evidence.upload(apply, "x.pdf", null, REPORT)))
                .isInstanceOf(WorkflowAccessException.class);
        assertThatThrownBy(() -> actors.as("kjj.reviewer", () -> evidence.content(report.id())))
                .isInstanceOf(WorkflowAccessException.class);
        actors.as("gxj.reviewer", () -> evidence.delete(apply, draft.id()));
        assertThat(actors.as("gxj.reviewer", () -> evidence.files(apply))).extracting(f -> f.file().fileName(),
                EvidenceFile::pending).containsExactly(tuple("验收报告.pdf", true));

        actors.as("gxj.reviewer", () -> forms.complete(apply, Map.of("evidence", "目标全部完成，附验收报告")));

        String review = keyTaskStep(t13, "reviewClosure").getId();
        assertThat(actors.as("supervisor", () -> evidence.files(review))).extracting(f -> f.file().fileName(),
                EvidenceFile::pending).containsExactly(tuple("验收报告.pdf", false));
        assertThat(actors.as("supervisor", () -> evidence.content(report.id()))).isEqualTo(REPORT);
        assertThat(audit.trailOf("KeyTask", t13.getCode())).extracting(AuditEvent::getAction)
                .containsSubsequence("CLOSURE_EVIDENCE_ADDED", "CLOSURE_EVIDENCE_ADDED", "CLOSURE_EVIDENCE_REMOVED",
                        "CLOSURE_APPLIED");

        String screen = RenderedViews.render(port, "supervisor", "task/" + review + "/form");
        assertThat(screen).contains("销号佐证材料", "验收报告.pdf", "closure-evidence")
                .doesNotContain("closure-evidence-upload", "remove-attachment-");

        // returned: the lead applies again; what went with the first application stays
        actors.as("supervisor", () -> forms.complete(review, Map.of("decision", "RETURN", "reason", "缺少现场照片")));
        String again = keyTaskStep(t13, "applyForClosure").getId();
        assertThatThrownBy(() -> actors.as("gxj.reviewer", () -> evidence.delete(again, report.id())))
                .isInstanceOfSatisfying(AttachmentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.NOT_EDITABLE));
        String applyScreen = RenderedViews.render(port, "gxj.reviewer", "task/" + again + "/form");
        assertThat(applyScreen).contains("验收报告.pdf", "closure-evidence-upload").doesNotContain("此环节暂不保存附件");
    }
}
