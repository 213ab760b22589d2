package org.duban.process;

import java.time.Instant;

/** One deployed version of a decision (DMN). */
public record DecisionVersion(String id, String key, String name, int version, String resourceName,
        String deploymentId, Instant deployedAt, boolean latest) {
}
