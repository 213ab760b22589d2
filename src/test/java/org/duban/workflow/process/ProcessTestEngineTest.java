package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.junit.jupiter.api.Test;

/** The process tests' engine is their own: the Spring Boot tests in the same JVM never see it. */
class ProcessTestEngineTest extends ProcessTest {

    @Test
    void testEngineStaysOutOfTheRegistryTheSpringBootEngineIsFoundIn() {
        assertThat(ProcessEngines.getProcessEngines()).doesNotContainKey("process-tests")
                .doesNotContainValue(engine.getProcessEngine());
    }

    @Test
    void testEngineRunsInMemoryWithMocksFullHistoryAndNoJobExecutor() {
        ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();

        assertThat(configuration.getProcessEngineName()).isEqualTo("process-tests");
        assertThat(configuration.getJdbcUrl()).startsWith("jdbc:h2:mem:camunda-process-tests");
        assertThat(configuration.getExpressionManager()).isInstanceOf(MockExpressionManager.class);
        assertThat(configuration.getHistory()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
        assertThat(configuration.isJobExecutorActivate()).isFalse();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    }
}
