package org.duban.inbox;

/**
 * How many items the signed-in user has, and how many of them need attention, for the navigation. Each number is
 * counted no further than {@link #LIMIT} + 1: above {@link #LIMIT} it means "more than", shown as {@link #shown}.
 */
public record InboxCounts(long total, long mine, long claimable, long overdue, long dueSoon, long returned) {

    /** The largest number the navigation spells out; counting a large backlog to the end would cost every page. */
    public static final int LIMIT = 999;

    /** The number as the screens show it: {@code 999+} above the limit. */
    public static String shown(long count) {
        return count > LIMIT ? LIMIT + "+" : String.valueOf(count);
    }
}
