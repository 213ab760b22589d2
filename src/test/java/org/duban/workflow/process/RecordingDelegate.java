package org.duban.workflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a delegate bean (registered with {@code Mocks.register(name, …)}): remembers each call with the
 * variables it saw then, and optionally does what the real one does to the process (sets variables).
 */
public class RecordingDelegate implements JavaDelegate {

    /** One execution of the delegate, as it looked at the time. */
    public record Call(String activityId, String processInstanceId, String businessKey,
            Map<String, Object> variables) {

        Object variable(String name) {
            return variables.get(name);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Consumer<DelegateExecution> behaviour;

    public RecordingDelegate() {
        this(execution -> {
        });
    }

    public RecordingDelegate(Consumer<DelegateExecution> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(new Call(execution.getCurrentActivityId(), execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(), new HashMap<>(execution.getVariables())));
        behaviour.accept(execution);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
