package org.duban.supervision;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.workflow.ProcessKeys;

/**
 * Opens the way to 销号 in a key-task process: the flag covers a work plan not yet submitted (the flow checks it
 * after the plan), the message releases a flow already waiting.
 */
final class ClosureInvitation {

    private ClosureInvitation() {
    }

    static void invite(RuntimeService runtime, String processInstanceId) {
        runtime.setVariable(processInstanceId, ProcessKeys.VAR_CLOSURE_INVITED, true);
        runtime.createMessageCorrelation(ProcessKeys.MESSAGE_CLOSURE_INVITED).processInstanceId(processInstanceId)
                .correlateAll();
    }
}
