package org.duban.inbox;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.supervision.ClosureApplication;
import org.duban.workflow.EngineTasks;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.WorkflowAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files of a closure (销号) application: the lead unit adds or removes them while its application step is
 * open (they are pending until it submits, then belong to that application and cannot change); whoever holds the
 * application or its review step, the supervision office and admins see and download them. Every change is audited.
 */
@Service
public class ClosureEvidenceService {

    static final String APPLY = "applyForClosure";
    static final String REVIEW = "reviewClosure";

    /** One evidence file as the step screens list it; a pending one was not submitted yet and may be removed. */
    public record EvidenceFile(AttachmentInfo file, boolean pending) {
    }

    private final ClosureEvidenceRepository evidence;
    private final KeyTaskRepository tasks;
    private final EngineTasks engineTasks;
    private final TaskService taskService;
    private final AttachmentRules rules;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ClosureEvidenceService(ClosureEvidenceRepository evidence, KeyTaskRepository tasks, EngineTasks engineTasks,
            TaskService taskService, AttachmentRules rules, CurrentUser currentUser, AuditService audit,
            Clock clock) {
        this.evidence = evidence;
        this.tasks = tasks;
        this.engineTasks = engineTasks;
        this.taskService = taskService;
        this.rules = rules;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The task's evidence files, for the application or review step {@code engineTaskId}. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> files(String engineTaskId) {
        KeyTask keyTask = keyTaskOf(engineTasks.requireActionable(engineTaskId, currentUser.require(), APPLY, REVIEW));
        return evidence.findByTaskIdOrderByUploadedAtAscIdAsc(keyTask.getId()).stream()
                .map(e -> new EvidenceFile(AttachmentInfo.of(e), e.isPending())).toList();
    }

    @Transactional
    public AttachmentInfo upload(String engineTaskId, String fileName, String contentType, byte[] content) {
        DubanUserDetails user = currentUser.require();
        KeyTask keyTask = keyTaskOf(engineTasks.requireActionable(engineTaskId, user, APPLY));
        AttachmentRules.Checked file = rules.check(fileName, contentType, content,
                evidence.countByTaskIdAndApplicationIsNull(keyTask.getId()));
        ClosureEvidence saved = evidence.save(new ClosureEvidence(keyTask, file, user.getUsername(), clock.instant()));
        audit.record(user.getUsername(), "CLOSURE_EVIDENCE_ADDED", "KeyTask", keyTask.getCode(),
                file.fileName() + " (" + content.length + " B)", null, saved.getSha256());
        return AttachmentInfo.of(saved);
    }

    @Transactional
    public void delete(String engineTaskId, Long fileId) {
        DubanUserDetails user = currentUser.require();
        KeyTask keyTask = keyTaskOf(engineTasks.requireActionable(engineTaskId, user, APPLY));
        ClosureEvidence file = find(fileId);
        if (!file.getTask().getId().equals(keyTask.getId()) || !file.isPending()) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.NOT_EDITABLE, file.getFileName(),
                    "已随销号申请报送的材料不能删除 / evidence submitted with an application cannot be removed");
        }
        evidence.delete(file);
        audit.record(user.getUsername(), "CLOSURE_EVIDENCE_REMOVED", "KeyTask", keyTask.getCode(), file.getFileName(),
                file.getSha256(), null);
    }

    /** The bytes, for the supervision office, admins and the units leading the task. */
    @Transactional(readOnly = true)
    public byte[] content(Long fileId) {
        DubanUserDetails user = currentUser.require();
        ClosureEvidence file = find(fileId);
        boolean lead = file.getTask().getAssignments().stream()
                .anyMatch(a -> a.getRole().isLead() && a.getUnit().getCode().equals(user.getUnitCode()));
        if (!lead && !user.hasRole(Role.SUPERVISOR) && !user.hasRole(Role.ADMIN)) {
            throw new WorkflowAccessException("无权查看此销号材料 / not allowed to see this closure evidence");
        }
        return file.content();
    }

    /** The files pending on the task now belong to {@code application} (called as the application is submitted). */
    @Transactional
    public int submitPendingWith(ClosureApplication application) {
        List<ClosureEvidence> pending = evidence.findByTaskIdAndApplicationIsNull(application.getTask().getId());
        pending.forEach(e -> e.submittedWith(application));
        return pending.size();
    }

    public AttachmentRules rules() {
        return rules;
    }

    private ClosureEvidence find(Long fileId) {
        return evidence.findById(fileId).orElseThrow(() -> new NotFoundException("没有该材料 / no evidence " + fileId));
    }

    private KeyTask keyTaskOf(Task task) {
        Long id = (Long) taskService.getVariable(task.getId(), ProcessKeys.VAR_TASK_ID);
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("No key task " + id));
    }
}
