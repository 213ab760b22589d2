package org.duban.process;

import java.time.Instant;

/** One deployed version of a process, with how many of its instances are still running. */
public record ProcessVersion(String id, String key, String name, int version, String deploymentId,
        String deploymentName, Instant deployedAt, long runningInstances, boolean latest) {
}
