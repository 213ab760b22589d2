package org.duban.workflow.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for {@code checkDeadline}: takes the BPMN field {@code stage} the way the real delegate does (a setter the
 * engine calls before each execution) and remembers which stage was checked for which report.
 */
public class DeadlineCheckRecorder implements JavaDelegate {

    /** One daily check. */
    public record Check(String stage, String activityId, Object reportId) {
    }

    private final List<Check> checks = new ArrayList<>();
    private Expression stage;

    @Override
    public void execute(DelegateExecution execution) {
        checks.add(new Check(String.valueOf(stage.getValue(execution)), execution.getCurrentActivityId(),
                execution.getVariable("reportId")));
    }

    public void setStage(Expression stage) {
        this.stage = stage;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }
}
