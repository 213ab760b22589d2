package org.duban.inbox;

/** How many items the signed-in user has, and how many of them need attention, for the navigation. */
public record InboxCounts(long total, long mine, long claimable, long overdue, long dueSoon, long returned) {
}
