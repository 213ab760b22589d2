package org.duban.process;

import java.util.List;

/**
 * What migrating the running instances of one process version to another would do: the activity mapping Camunda's
 * migration API proposes ({@code mapEqualActivities}), the source activities left without a mapping (with how many
 * instances wait in each; those instances cannot move), and the plan's own validation failures.
 */
public record MigrationPreview(String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
        int targetVersion, long runningInstances, List<Instruction> instructions, List<Unmapped> unmapped,
        List<String> planFailures) {

    public record Instruction(String sourceActivityId, String targetActivityId, boolean updateEventTrigger,
            List<String> failures) {
    }

    public record Unmapped(String activityId, String name, long runningInstances) {
    }

    public boolean executable() {
        return planFailures.isEmpty() && instructions.stream().allMatch(i -> i.failures().isEmpty());
    }
}
