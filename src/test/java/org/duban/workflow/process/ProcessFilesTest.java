package org.duban.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.duban.workflow.ProcessKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * House rules for the files in bpmn/ that bpmnlint does not check: forms resolve, user tasks read well in the inbox
 * and in code, history is cleaned up, and the keys Java uses exist.
 */
class ProcessFilesTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Pattern READABLE_ID = Pattern.compile("[a-z][a-z0-9]*([A-Z][a-z0-9]+)*[A-Z]?");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private static final Map<String, BpmnModelInstance> processes = new HashMap<>();
    private static final Map<String, String> formFileById = new HashMap<>();
    private static final List<String> duplicateFormIds = new ArrayList<>();

    @BeforeAll
    static void readFiles() throws IOException {
        for (Path file : files(BPMN, ".bpmn")) {
            processes.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
        }
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(BPMN.resolve("forms"), ".form")) {
            String id = json.readTree(file.toFile()).path("id").asText();
            if (formFileById.put(id, file.getFileName().toString()) != null) {
                duplicateFormIds.add(id);
            }
        }
        assertThat(processes).as("BPMN files in %s", BPMN.toAbsolutePath()).isNotEmpty();
        assertThat(formFileById).as("forms in bpmn/forms").isNotEmpty();
    }

    @Test
    void everyFormRefNamesADeployedFormOfTheSameDeployment() {
        List<String> problems = new ArrayList<>();
        processes.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                checkFormRef(file, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
                        problems);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    checkFormRef(file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
                            problems);
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(duplicateFormIds).as("form ids used by more than one .form file").isEmpty();
    }

    @Test
    void everyUserTaskHasAChineseNameAndAReadableEnglishId() {
        List<String> problems = new ArrayList<>();
        processes.forEach((file, model) -> {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (!READABLE_ID.matcher(task.getId()).matches()) {
                    problems.add(file + ": id " + task.getId() + " is not a readable lowerCamelCase English id");
                }
                if (task.getName() == null || !CHINESE.matcher(task.getName()).find()) {
                    problems.add(file + ": " + task.getId() + " needs a Chinese name, has " + task.getName());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLive() throws IOException {
        List<String> missing = new ArrayList<>();
        processes.forEach((file, model) -> {
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.getCamundaHistoryTimeToLiveString() == null
                        || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                    missing.add(file + ": " + process.getId());
                }
            }
        });
        for (Path file : files(BPMN, ".dmn")) {
            for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                if (decision.getCamundaHistoryTimeToLiveString() == null) {
                    missing.add(file.getFileName() + ": " + decision.getId());
                }
            }
        }
        assertThat(missing).as("processes and decisions without camunda:historyTimeToLive").isEmpty();
    }

    @Test
    void processKeysAndMessagesJavaRefersToExist() {
        List<String> processIds = processes.values().stream()
                .flatMap(model -> model.getModelElementsByType(Process.class).stream()).map(Process::getId)
                .toList();
        List<String> messageNames = processes.values().stream()
                .flatMap(model -> model.getModelElementsByType(Message.class).stream()).map(Message::getName)
                .toList();

        assertThat(processIds).contains(ProcessKeys.KEY_TASK_SUPERVISION, ProcessKeys.PROGRESS_REPORT,
                ProcessKeys.REPORTING_CALENDAR, ProcessKeys.SUPERVISION_CASE, ProcessKeys.COORDINATION_REQUEST);
        assertThat(messageNames).contains(ProcessKeys.MESSAGE_CYCLE_OPENED, ProcessKeys.MESSAGE_CLOSURE_INVITED,
                ProcessKeys.MESSAGE_REPORT_WITHDRAWN, ProcessKeys.MESSAGE_REPORT_CAUGHT_UP);
    }

    private static void checkFormRef(String file, String elementId, String formRef, String binding,
            List<String> problems) {
        if (formRef == null) {
            problems.add(file + ": " + elementId + " has no camunda:formRef");
        } else if (!formFileById.containsKey(formRef)) {
            problems.add(file + ": " + elementId + " refers to form " + formRef + ", which no bpmn/forms/*.form has");
        } else if (!"deployment".equals(binding)) {
            problems.add(file + ": " + elementId + " binds form " + formRef + " by " + binding
                    + " (forms are deployed with their process: binding deployment)");
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
