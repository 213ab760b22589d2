package org.duban.process;

import java.time.Instant;

/**
 * One deployed version of a Camunda Form ({@code *.form} resource). {@code runningInstances} counts the running
 * instances of the processes deployed with it, which are the ones whose deployment-bound tasks show it.
 */
public record FormVersion(String id, String key, int version, String resourceName, String deploymentId,
        Instant deployedAt, long runningInstances, boolean latest) {
}
