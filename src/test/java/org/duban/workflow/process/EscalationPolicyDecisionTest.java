package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.duban.workflow.ProcessKeys.ESCALATION_POLICY_DECISION;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.reporting.EscalationLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/escalation-policy.dmn at every boundary of both stages: working days left until the due date (negative:
 * overdue) → level and whom to tell.
 */
@Deployment(resources = "bpmn/escalation-policy.dmn")
class EscalationPolicyDecisionTest extends ProcessTest {

    @ParameterizedTest(name = "FILL, {0} working days to due → {1} to [{2}]")
    @CsvSource({
        "30, NONE, ''",
        "4, NONE, ''",
        "3, REMINDER, CLERK",
        "2, REMINDER, CLERK",
        "1, REMINDER, CLERK",
        "0, URGE, 'CLERK,UNIT_LEADER'",
        "-1, ESCALATE_LEADER, UNIT_LEADER",
        "-2, ESCALATE_LEADER, UNIT_LEADER",
        "-3, ESCALATE_OFFICE, 'SUPERVISOR,UNIT_LEADER'",
        "-30, ESCALATE_OFFICE, 'SUPERVISOR,UNIT_LEADER'",
    })
    void lateReportIsRemindedUrgedThenEscalated(int workingDaysToDue, String level, String recipients) {
        assertVerdict("FILL", workingDaysToDue, level, recipients);
    }

    @ParameterizedTest(name = "REVIEW, {0} working days to due → {1} to [{2}]")
    @CsvSource({
        "30, NONE, ''",
        "3, NONE, ''",
        "2, REMINDER, REVIEWER",
        "1, REMINDER, REVIEWER",
        "0, URGE, 'REVIEWER,UNIT_LEADER'",
        "-1, ESCALATE_LEADER, UNIT_LEADER",
        "-2, ESCALATE_LEADER, UNIT_LEADER",
        "-3, ESCALATE_OFFICE, SUPERVISOR",
        "-30, ESCALATE_OFFICE, SUPERVISOR",
    })
    void lateReviewIsRemindedUrgedThenEscalated(int workingDaysToDue, String level, String recipients) {
        assertVerdict("REVIEW", workingDaysToDue, level, recipients);
    }

    /** Evaluated the way EscalationPolicy does (first matching rule); the level must be one Java knows. */
    private static void assertVerdict(String stage, int workingDaysToDue, String level, String recipients) {
        DmnDecisionResult result = decisionService().evaluateDecisionByKey(ESCALATION_POLICY_DECISION)
                .variables(Variables.createVariables().putValue("stage", stage)
                        .putValue("workingDaysToDue", workingDaysToDue))
                .evaluate();

        assertThat(result).hasSize(1);
        assertThat((String) result.getFirstResult().getEntry("level")).isEqualTo(level);
        assertThat((String) result.getFirstResult().getEntry("recipients")).isEqualTo(recipients);
        assertThat(EscalationLevel.valueOf(level)).isNotNull();
    }
}
