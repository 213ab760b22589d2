package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every process test shares: the engine, camunda-bpm-assert bound to it, mocks forgotten after each test, and
 * checks of a task's Camunda Form.
 */
abstract class ProcessTest {

    /** One per test (cheap: the engine itself is built once per JVM) so no test class clears another's. */
    @RegisterExtension
    final ProcessEngineExtension engine = ProcessTestEngine.extension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void bindAssertionsToTheTestEngine() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    @AfterEach
    void forgetMocksAndEngine() {
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    /** Moves the engine clock (ProcessEngineExtension resets it after each test). */
    static void clockAt(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    /** The task's formRef points at the deployed Camunda Form with that id, bound to the process's deployment. */
    static void assertForm(Task task, String formId) {
        Task withFormKeys = taskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
        CamundaFormRef formRef = withFormKeys.getCamundaFormRef();
        assertThat(formRef).as("formRef of %s", task.getTaskDefinitionKey()).isNotNull();
        assertThat(formRef.getKey()).isEqualTo(formId);
        assertThat(formRef.getBinding()).isEqualTo("deployment");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            JsonNode schema = JSON.readTree(form);
            assertThat(schema.path("id").asText()).isEqualTo(formId);
            assertThat(schema.path("components").size()).isPositive();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
