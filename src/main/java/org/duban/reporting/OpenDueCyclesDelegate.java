package org.duban.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/** The reporting calendar's step: open the plan's cycles whose opening day has come. */
@Component("openDueCycles")
class OpenDueCyclesDelegate implements JavaDelegate {

    private final CycleService cycles;

    OpenDueCyclesDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.openDueCycles((Long) execution.getVariable(ProcessKeys.VAR_PLAN_ID));
    }
}
