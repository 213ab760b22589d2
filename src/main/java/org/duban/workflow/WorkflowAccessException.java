package org.duban.workflow;

import org.springframework.security.access.AccessDeniedException;

/** The current user may not act on this engine task (not a candidate, not the assignee, or wrong kind of task). */
public class WorkflowAccessException extends AccessDeniedException {

    public WorkflowAccessException(String message) {
        super(message);
    }
}
