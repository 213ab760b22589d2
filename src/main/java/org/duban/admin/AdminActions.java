package org.duban.admin;

/** Audit actions written by the admin services, and the entity types they name. */
public final class AdminActions {

    public static final String UNIT_CREATED = "UNIT_CREATED";
    public static final String UNIT_CHANGED = "UNIT_CHANGED";
    public static final String UNIT_DEACTIVATED = "UNIT_DEACTIVATED";
    public static final String UNIT_REACTIVATED = "UNIT_REACTIVATED";
    public static final String UNIT_ALIAS_ADDED = "UNIT_ALIAS_ADDED";
    public static final String UNIT_ALIAS_REMOVED = "UNIT_ALIAS_REMOVED";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_CHANGED = "USER_CHANGED";
    public static final String USER_DEACTIVATED = "USER_DEACTIVATED";
    public static final String USER_REACTIVATED = "USER_REACTIVATED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String CALENDAR_DAY_SET = "CALENDAR_DAY_SET";
    public static final String CALENDAR_DAY_REMOVED = "CALENDAR_DAY_REMOVED";

    /** Entity types in the audit trail; the entity id is the unit code, the user name or the ISO date. */
    public static final String UNIT = "Unit";
    public static final String USER = "User";
    public static final String CALENDAR_DAY = "CalendarDay";

    private AdminActions() {
    }
}
