package org.duban.catalog;

/** Life of a key task: worked on, or closed (销号) after the supervisor accepted the closure. */
public enum TaskStatus {
    ACTIVE, CLOSED
}
