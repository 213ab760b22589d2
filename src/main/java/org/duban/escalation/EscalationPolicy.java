package org.duban.escalation;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.reporting.EscalationLevel;
import org.duban.workflow.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * The escalation thresholds, read from the DMN table {@code bpmn/escalation-policy.dmn} (latest deployed version), so
 * admins change them in Camunda Modeler without code.
 */
@Component
public class EscalationPolicy {

    public record Verdict(EscalationLevel level, List<String> recipients) {
    }

    private final DecisionService decisions;

    public EscalationPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Verdict evaluate(Escalation.Stage stage, int workingDaysToDue) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ProcessKeys.ESCALATION_POLICY_DECISION)
                .variables(Variables.createVariables().putValue("stage", stage.name())
                        .putValue("workingDaysToDue", workingDaysToDue))
                .evaluate().getFirstResult();
        if (result == null) {
            return new Verdict(EscalationLevel.NONE, List.of());
        }
        String level = result.getEntry("level");
        String recipients = result.getEntry("recipients");
        return new Verdict(level == null ? EscalationLevel.NONE : EscalationLevel.valueOf(level.trim()),
                recipients == null || recipients.isBlank() ? List.of()
                        : Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
