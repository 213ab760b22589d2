package org.duban.catalog;

/** How often participating units report progress on a plan's tasks. */
public enum ReportFrequency {
    MONTHLY, QUARTERLY
}
