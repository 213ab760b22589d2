package org.duban.catalog;

/**
 * Life of a key task: worked on, closed (销号) after the supervisor accepted the closure, or withdrawn because a later
 * version of the plan dropped it (kept, not deleted, since reports and processes point to it).
 */
public enum TaskStatus {
    ACTIVE, CLOSED, WITHDRAWN
}
