package org.duban.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.springframework.stereotype.Component;

/**
 * The one way Duban's services touch engine tasks: find the task, check that the current user may act on it (its
 * assignee, or a member of one of its candidate groups when unassigned), and complete it with routing flags only.
 */
@Component
public class EngineTasks {

    private final TaskService taskService;
    private final CurrentUser currentUser;
    private final ConcurrentChanges concurrentChanges;

    public EngineTasks(TaskService taskService, CurrentUser currentUser, ConcurrentChanges concurrentChanges) {
        this.taskService = taskService;
        this.currentUser = currentUser;
        this.concurrentChanges = concurrentChanges;
    }

    /**
     * The open task, if the user may work on it and it is one of the expected steps; refused otherwise. A task that
     * someone else completed meanwhile is refused with who did it and when ({@link ConcurrentChanges}).
     */
    public Task requireActionable(String taskId, DubanUserDetails user, String... expectedActivities) {
        // the task and its candidate links in ONE engine command: a task query plus the engine's own
        // getIdentityLinksForTask took two commands, each re-reading the task (docs/benchmarks.md)
        TaskWithLinks found = taskId == null ? null : commands().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : new TaskWithLinks(task,
                    task.getAssignee() == null ? List.copyOf(task.getIdentityLinks()) : List.of());
        });
        if (found == null) {
            if (taskId != null) {
                concurrentChanges.requireNotDoneMeanwhile(taskId);
            }
            throw new WorkflowAccessException("待办 " + taskId + " 不存在或已办结 / task " + taskId
                    + " does not exist or is already done");
        }
        Task task = found.task();
        if (expectedActivities.length > 0 && !List.of(expectedActivities).contains(task.getTaskDefinitionKey())) {
            throw new WorkflowAccessException("待办 " + taskId + " 是“" + task.getName() + "”，不是此操作对应的环节 / task "
                    + taskId + " is " + task.getTaskDefinitionKey() + ", not " + List.of(expectedActivities));
        }
        if (!mayActOn(task, found.links(), user)) {
            throw new WorkflowAccessException("您无权办理此待办 / " + user.getUsername() + " may not work on task "
                    + taskId);
        }
        return task;
    }

    private record TaskWithLinks(Task task, List<? extends IdentityLink> links) {
    }

    /** Like {@link #requireActionable(String, DubanUserDetails, String...)} for the current user, any step. */
    public Task requireActionable(String taskId) {
        return requireActionable(taskId, currentUser.require());
    }

    public boolean mayActOn(Task task, DubanUserDetails user) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.getUsername());
        }
        return mayActOn(task, taskService.getIdentityLinksForTask(task.getId()), user);
    }

    private static boolean mayActOn(Task task, List<? extends IdentityLink> links, DubanUserDetails user) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.getUsername());
        }
        List<String> groups = user.candidateGroups();
        // one read of the task's links for both candidate groups and candidate users
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (link.getGroupId() != null && groups.contains(link.getGroupId())
                    || user.getUsername().equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    public Set<String> candidateGroupsOf(String taskId) {
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** Completes the task, claiming it for the user first so history shows who did it. */
    public void complete(Task task, DubanUserDetails user, Map<String, Object> routingVariables) {
        if (task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
            throw new WorkflowAccessException("委派中的待办须先交回委派人 / a delegated task must be resolved back to "
                    + task.getOwner() + " before it is completed");
        }
        try {
            if (task.getAssignee() != null) {
                taskService.complete(task.getId(), routingVariables);
                return;
            }
            // Assign (so history shows who did it) and complete in ONE engine command: the second step finds the
            // task, its execution and process definition in the first one's entity cache instead of selecting them
            // again.
            String taskId = task.getId();
            String username = user.getUsername();
            commands().execute(commandContext -> {
                new AssignTaskCmd(taskId, username).execute(commandContext);
                return new CompleteTaskCmd(taskId, routingVariables).execute(commandContext);
            });
        } catch (RuntimeException e) {
            // someone completed the step between our read and this command: the engine may trip over the vanished
            // execution (a NullPointerException in TaskEntity.complete) before its optimistic lock would say so
            if (!ConcurrentChanges.isCollision(e)) {
                concurrentChanges.requireNotDoneMeanwhile(task.getId());
            }
            throw e;
        }
    }

    private CommandExecutor commands() {
        return ((ServiceImpl) taskService).getCommandExecutor();
    }

    public TaskService engine() {
        return taskService;
    }
}
