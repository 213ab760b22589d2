package org.duban.workflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The Camunda Form deployed with a task's process version: what the user sees and what their input is checked against. */
@Service
public class FormDefinitions {

    private final FormService formService;
    /**
     * Parsed forms by process definition and step, for steps bound with {@code camunda:formRefBinding="deployment"}
     * or {@code "version"} (all the shipped processes): such a step's form never changes, so parsing it once saves an
     * engine command and a JSON parse per submit (docs/benchmarks.md). Steps bound to the "latest" form are read each
     * time, since a new form deployment changes them.
     */
    private final Map<String, FormSchema> byDefinitionAndStep = new ConcurrentHashMap<>();

    private final RepositoryService repositoryService;

    public FormDefinitions(FormService formService, RepositoryService repositoryService) {
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    /** The form of a task already loaded, from the cache when its process version's form was parsed before. */
    public FormSchema forTask(Task task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return forTask(task.getId());
        }
        String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        FormSchema cached = byDefinitionAndStep.get(key);
        if (cached != null) {
            return cached;
        }
        FormSchema parsed = forTask(task.getId());
        if (fixedBinding(task.getProcessDefinitionId(), task.getTaskDefinitionKey())) {
            byDefinitionAndStep.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    public FormSchema forTask(String taskId) {
        try (InputStream in = formService.getDeployedTaskForm(taskId)) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean fixedBinding(String processDefinitionId, String taskDefinitionKey) {
        UserTask step = repositoryService.getBpmnModelInstance(processDefinitionId)
                .getModelElementById(taskDefinitionKey);
        String binding = step == null ? null : step.getCamundaFormRefBinding();
        return "deployment".equals(binding) || "version".equals(binding);
    }
}
