package org.duban.workflow;

/** The whole seed cycle on the embedded database. */
class SeedCycleH2Test extends SeedCycleContract {
}
