package org.duban.workflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.springframework.stereotype.Service;

/** The Camunda Form deployed with a task's process version: what the user sees and what their input is checked against. */
@Service
public class FormDefinitions {

    private final FormService formService;

    public FormDefinitions(FormService formService) {
        this.formService = formService;
    }

    public FormSchema forTask(String taskId) {
        try (InputStream in = formService.getDeployedTaskForm(taskId)) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
