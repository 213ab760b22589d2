package org.duban.workflow;

import java.util.Set;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.org.CandidateGroups;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyday operations on any task, as users of Chinese approval systems expect them: claim and release, 转办
 * (transfer to a colleague of the same unit), 委派 (delegate and get it back). Each is recorded with who, when and why
 * in the audit trail and as a comment on the task.
 */
@Service
public class TaskOperations {

    private final EngineTasks engineTasks;
    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final AuditService audit;

    public TaskOperations(EngineTasks engineTasks, AppUserRepository users, CurrentUser currentUser,
            AuditService audit) {
        this.engineTasks = engineTasks;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Who may take the task: its candidate groups (see {@code CandidateGroups}). */
    @Transactional(readOnly = true)
    public Set<String> candidateGroups(String taskId) {
        return engineTasks.candidateGroupsOf(taskId);
    }

    @Transactional
    public void claim(String taskId) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId);
        if (task.getAssignee() != null) {
            throw new WorkflowAccessException("已由 " + task.getAssignee() + " 签收 / already claimed by "
                    + task.getAssignee());
        }
        engineTasks.engine().claim(taskId, user.getUsername());
        audit.record(user.getUsername(), "TASK_CLAIMED", "Task", taskId, task.getName(), null, user.getUsername());
    }

    @Transactional
    public void unclaim(String taskId) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId);
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new WorkflowAccessException("委派中的待办不能退回 / a delegated task cannot be released; resolve it");
        }
        engineTasks.engine().setAssignee(taskId, null);
        audit.record(user.getUsername(), "TASK_UNCLAIMED", "Task", taskId, task.getName(), user.getUsername(), null);
    }

    /** 转办: hands the task over to a colleague of the same unit who could have taken it themselves. */
    @Transactional
    public void transfer(String taskId, String toUsername, String reason) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId);
        AppUser colleague = colleagueWhoMayTake(task, user, toUsername);
        String before = task.getAssignee();
        engineTasks.engine().setAssignee(taskId, colleague.getUsername());
        comment(task, "转办给 " + colleague.getDisplayName() + "：" + reasonOrDash(reason));
        audit.record(user.getUsername(), "TASK_TRANSFERRED", "Task", taskId,
                task.getName() + " → " + colleague.getUsername() + "：" + reasonOrDash(reason), before,
                colleague.getUsername());
    }

    /** 委派: a colleague works on the task and gives it back ({@link #resolve}); the task stays the delegator's. */
    @Transactional
    public void delegate(String taskId, String toUsername, String reason) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId);
        AppUser colleague = colleagueWhoMayTake(task, user, toUsername);
        if (task.getAssignee() == null) {
            engineTasks.engine().claim(taskId, user.getUsername());
        }
        engineTasks.engine().delegateTask(taskId, colleague.getUsername());
        comment(task, "委派给 " + colleague.getDisplayName() + "：" + reasonOrDash(reason));
        audit.record(user.getUsername(), "TASK_DELEGATED", "Task", taskId,
                task.getName() + " → " + colleague.getUsername() + "：" + reasonOrDash(reason), user.getUsername(),
                colleague.getUsername());
    }

    /** The delegate hands the task back to the one who delegated it. */
    @Transactional
    public void resolve(String taskId, String note) {
        DubanUserDetails user = currentUser.require();
        Task task = engineTasks.requireActionable(taskId);
        if (task.getDelegationState() != DelegationState.PENDING) {
            throw new WorkflowAccessException("此待办未被委派 / this task is not delegated");
        }
        engineTasks.engine().resolveTask(taskId);
        comment(task, "委派办毕，交回 " + task.getOwner() + "：" + reasonOrDash(note));
        audit.record(user.getUsername(), "TASK_RESOLVED", "Task", taskId, task.getName() + "：" + reasonOrDash(note),
                user.getUsername(), task.getOwner());
    }

    private AppUser colleagueWhoMayTake(Task task, DubanUserDetails user, String toUsername) {
        AppUser colleague = users.findByUsername(toUsername).filter(AppUser::isActive)
                .orElseThrow(() -> new WorkflowAccessException("没有此用户或已停用 / no such active user: " + toUsername));
        if (colleague.getUsername().equals(user.getUsername())) {
            throw new WorkflowAccessException("不能转给自己 / that is you");
        }
        if (!colleague.getUnit().getCode().equals(user.getUnitCode())) {
            throw new WorkflowAccessException("只能转给本单位同事 / only a colleague of your own unit: " + toUsername
                    + " belongs to " + colleague.getUnit().getName());
        }
        Set<String> candidates = engineTasks.candidateGroupsOf(task.getId());
        boolean eligible = CandidateGroups.forUser(colleague.getUnit().getCode(), colleague.getRoles()).stream()
                .anyMatch(candidates::contains);
        if (!eligible) {
            throw new WorkflowAccessException(colleague.getDisplayName() + " 没有办理此环节的角色 / " + toUsername
                    + " has no role that may do this step");
        }
        return colleague;
    }

    private void comment(Task task, String message) {
        if (task.getProcessInstanceId() != null) {
            engineTasks.engine().createComment(task.getId(), task.getProcessInstanceId(), message);
        }
    }

    private static String reasonOrDash(String reason) {
        return reason == null || reason.isBlank() ? "—" : reason;
    }
}
