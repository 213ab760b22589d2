package org.duban.org;

/** What a user does in Duban (DESIGN.md §2). A user has one or more. */
public enum Role {
    /** 经办人: fills in the unit's forms. */
    CLERK,
    /** 单位负责人: signs off the unit's reports, receives escalations. */
    UNIT_LEADER,
    /** 牵头审核: reviews participants' reports on tasks the unit leads. */
    REVIEWER,
    /** 督查室: assigns, watches the ledger, urges and supervises, accepts closure. */
    SUPERVISOR,
    /** System and process administrator. */
    ADMIN;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
