package org.duban.ledger;

/**
 * Why a light has its colour. The order is the precedence: when several rules hold, the first of the worst colour
 * explains the light.
 */
public enum LightRule {
    /** A supervisor set the light by hand, with a reason. */
    OVERRIDDEN(null),
    /** An escalation to the unit leader or the supervision office (督办) is still open. */
    ESCALATED(Light.RED),
    /** Not submitted and the due date has passed. */
    OVERDUE(Light.RED),
    /** Waiting for the lead unit's review past the review due date. */
    REVIEW_OVERDUE(Light.RED),
    /** Returned by the lead unit twice or more (configurable) and not approved yet. */
    RETURNED_REPEATEDLY(Light.RED),
    /** Not submitted; due within the configured number of working days. */
    DUE_SOON(Light.YELLOW),
    /** Waiting for review; the review is due within the configured number of working days. */
    REVIEW_DUE_SOON(Light.YELLOW),
    /** Returned once (configurable) and not approved yet. */
    RETURNED_ONCE(Light.YELLOW),
    /** Approved, but first submitted after the due date (its colour is configurable). */
    APPROVED_LATE(null),
    /** Approved, first submitted on or before the due date. */
    APPROVED_ON_TIME(Light.GREEN),
    /** Nothing late, nothing returned, not due soon. */
    ON_TRACK(Light.GREEN);

    private final Light fixedLight;

    LightRule(Light fixedLight) {
        this.fixedLight = fixedLight;
    }

    /** The colour this rule gives, or null where configuration or the supervisor decides. */
    Light fixedLight() {
        return fixedLight;
    }
}
