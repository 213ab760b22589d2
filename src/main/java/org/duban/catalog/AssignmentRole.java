package org.duban.catalog;

/** Part a unit plays in a task: the first lead unit listed is the primary lead who consolidates and answers. */
public enum AssignmentRole {
    PRIMARY_LEAD, LEAD, PARTICIPANT;

    public boolean isLead() {
        return this != PARTICIPANT;
    }
}
