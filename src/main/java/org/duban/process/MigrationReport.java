package org.duban.process;

import java.util.List;

/** The outcome of a migration, per instance: which moved to the target version and which stayed, and why. */
public record MigrationReport(String sourceDefinitionId, String targetDefinitionId, List<InstanceOutcome> moved,
        List<InstanceOutcome> notMoved) {

    public record InstanceOutcome(String processInstanceId, String businessKey, List<String> reasons) {
    }
}
