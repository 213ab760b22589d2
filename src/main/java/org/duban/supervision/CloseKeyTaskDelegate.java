package org.duban.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.audit.AuditService;
import org.duban.catalog.KeyTask;
import org.duban.catalog.KeyTaskRepository;
import org.duban.catalog.TaskStatus;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/** 销号: the supervisor accepted the closure, so the task is closed and leaves the cycles to come. */
@Component("closeKeyTask")
class CloseKeyTaskDelegate implements JavaDelegate {

    private final KeyTaskRepository tasks;
    private final AuditService audit;

    CloseKeyTaskDelegate(KeyTaskRepository tasks, AuditService audit) {
        this.tasks = tasks;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        KeyTask task = tasks.findById((Long) execution.getVariable(ProcessKeys.VAR_TASK_ID)).orElseThrow();
        task.setStatus(TaskStatus.CLOSED);
        audit.record("system", "TASK_CLOSED", "KeyTask", task.getCode(), "销号 / closed", TaskStatus.ACTIVE.name(),
                TaskStatus.CLOSED.name());
    }
}
