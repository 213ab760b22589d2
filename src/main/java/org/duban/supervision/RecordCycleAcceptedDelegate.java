package org.duban.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.reporting.ReportingCycleRepository;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/** After the supervisor accepted a cycle's task report: the plan year's last cycle invites the lead to apply for 销号. */
@Component("recordCycleAccepted")
class RecordCycleAcceptedDelegate implements JavaDelegate {

    private final ReportingCycleRepository cycles;

    RecordCycleAcceptedDelegate(ReportingCycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long cycleId = (Long) execution.getVariable(ProcessKeys.VAR_CYCLE_ID);
        if (cycles.findById(cycleId).orElseThrow().isFinalCycle()) {
            ClosureInvitation.invite(execution.getProcessEngineServices().getRuntimeService(),
                    execution.getProcessInstanceId());
        }
    }
}
