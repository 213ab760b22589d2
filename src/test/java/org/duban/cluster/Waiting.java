package org.duban.cluster;

import java.time.Duration;

/** Polls a condition that other JVMs make true, such as job executors draining a table, until it holds or time is up. */
final class Waiting {

    interface Check {
        boolean done() throws Exception;
    }

    private Waiting() {
    }

    /** Polls every half second; fails the test with {@code what} after {@code timeout}. */
    static void until(Check check, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
