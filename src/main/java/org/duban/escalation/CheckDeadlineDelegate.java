package org.duban.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.workflow.ProcessKeys;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The daily timer's step on an open fill-in or review task: ask the escalation policy whether today calls for a
 * reminder, urging or escalation. The BPMN field {@code stage} says which deadline (FILL or REVIEW).
 */
@Component("checkDeadline")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class CheckDeadlineDelegate implements JavaDelegate {

    private final EscalationService escalations;

    /** Injected by the engine from the BPMN field of the same name. */
    private Expression stage;

    public CheckDeadlineDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Escalation.Stage which = Escalation.Stage.valueOf(String.valueOf(stage.getValue(execution)));
        escalations.check((Long) execution.getVariable(ProcessKeys.VAR_REPORT_ID), which);
    }

    public void setStage(Expression stage) {
        this.stage = stage;
    }
}
