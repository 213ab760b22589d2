package org.duban.workflow;

/** Keys of the processes, messages and variables in bpmn/ that Java code refers to: one place to rename them. */
public final class ProcessKeys {

    public static final String KEY_TASK_SUPERVISION = "keyTaskSupervision";
    public static final String PROGRESS_REPORT = "progressReport";
    public static final String REPORTING_CALENDAR = "reportingCalendar";
    public static final String SUPERVISION_CASE = "supervisionCase";
    public static final String COORDINATION_REQUEST = "coordinationRequest";
    public static final String ESCALATION_POLICY_DECISION = "escalationPolicy";

    public static final String MESSAGE_CYCLE_OPENED = "CycleOpened";
    public static final String MESSAGE_CLOSURE_INVITED = "ClosureInvited";
    public static final String MESSAGE_REPORT_WITHDRAWN = "ReportWithdrawn";
    public static final String MESSAGE_REPORT_CAUGHT_UP = "ReportCaughtUp";

    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_PLAN_ID = "planId";
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_REQUEST_ID = "requestId";
    public static final String VAR_ESCALATION_ID = "escalationId";
    public static final String VAR_LEAD_GROUP = "leadGroup";
    public static final String VAR_RUN_BY_OFFICE = "runByOffice";
    public static final String VAR_CLOSURE_INVITED = "closureInvited";
    public static final String VAR_CLERK_GROUP = "clerkGroup";
    public static final String VAR_LEADER_GROUP = "leaderGroup";
    public static final String VAR_REVIEWER_GROUP = "reviewerGroup";
    public static final String VAR_LEADER_SIGNOFF = "leaderSignoff";
    public static final String VAR_COORDINATOR_GROUP = "coordinatorGroup";
    public static final String VAR_RAISER_GROUP = "raiserGroup";
    /** The routing flag every decision task sets on completion (APPROVE, RETURN, ACCEPT, …). */
    public static final String VAR_DECISION = "decision";

    private ProcessKeys() {
    }
}
