package org.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The application's engine keeps history for two years and cleans it up in a night window. */
@SpringBootTest
@ActiveProfiles("test")
class HistoryCleanupConfigurationTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void cleanupRunsAtNightAndEveryDeployedDefinitionHasATimeToLive() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");

        // what BpmnDeployment deployed from bpmn/ (other tests may deploy definitions of their own)
        List<String> shipped = engine.getRepositoryService().createDeploymentQuery().deploymentName("duban").list()
                .stream().map(org.camunda.bpm.engine.repository.Deployment::getId).toList();
        List<ProcessDefinition> processes = engine.getRepositoryService().createProcessDefinitionQuery().list()
                .stream().filter(definition -> shipped.contains(definition.getDeploymentId())).toList();
        assertThat(processes).extracting(ProcessDefinition::getKey).contains(ProcessKeys.KEY_TASK_SUPERVISION,
                ProcessKeys.PROGRESS_REPORT, ProcessKeys.COORDINATION_REQUEST);
        assertThat(processes).allSatisfy(definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(730));
        List<DecisionDefinition> decisions = engine.getRepositoryService().createDecisionDefinitionQuery().list()
                .stream().filter(definition -> shipped.contains(definition.getDeploymentId())).toList();
        assertThat(decisions).isNotEmpty().allSatisfy(definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(730));
    }
}
