package org.duban.process;

import java.util.List;

/**
 * A deployment that went through: what it created ({@code key:version}), and the forms taken over from the previous
 * version of a process because its tasks bind them to their deployment and the upload did not include them.
 */
public record DeploymentOutcome(String deploymentId, String name, List<String> processes, List<String> decisions,
        List<String> forms, List<String> carriedForms) {
}
