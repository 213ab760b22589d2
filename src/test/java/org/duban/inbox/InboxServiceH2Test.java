package org.duban.inbox;

/** The inbox on the embedded H2 of the test profile. */
class InboxServiceH2Test extends InboxServiceContract {
}
