package org.duban.admin;

/** What importing a year's calendar changed: days added or changed, days removed, days already as given. */
public record CalendarImportResult(int year, int set, int removed, int unchanged) {
}
