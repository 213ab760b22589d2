-- Work on the tasks: reporting cycles, progress reports and their reviews, work plans, cycle task reports, closure,
-- escalations, coordination requests and in-app notifications. Process instances carry only ids and flags; the
-- business data lives here.

-- Which lead unit reviews a participant's reports (null: the primary lead). Decided in the work plan.
ALTER TABLE task_assignment ADD reviewer_unit_id ${bigint};
ALTER TABLE task_assignment ADD CONSTRAINT fk_task_assignment_reviewer FOREIGN KEY (reviewer_unit_id) REFERENCES org_unit (id);

CREATE TABLE reporting_cycle (
    id            ${bigint}    NOT NULL PRIMARY KEY,
    plan_id       ${bigint}    NOT NULL,
    period_code   VARCHAR(20)  NOT NULL,
    period_start  DATE         NOT NULL,
    period_end    DATE         NOT NULL,
    opens_on      DATE         NOT NULL,
    due_on        DATE         NOT NULL,
    final_cycle   ${bool}      NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE,
    opened_by     VARCHAR(60),
    version       ${bigint}    NOT NULL,
    CONSTRAINT uk_reporting_cycle UNIQUE (plan_id, period_code),
    CONSTRAINT fk_reporting_cycle_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);

CREATE TABLE progress_report (
    id                   ${bigint}    NOT NULL PRIMARY KEY,
    task_id              ${bigint}    NOT NULL,
    unit_id              ${bigint}    NOT NULL,
    cycle_id             ${bigint}    NOT NULL,
    reviewer_unit_id     ${bigint}    NOT NULL,
    business_key         VARCHAR(120) NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    narrative            ${text},
    percent_done         INTEGER,
    problems             ${text},
    next_steps           ${text},
    needs_coordination   ${bool}      NOT NULL,
    extra_fields         ${text},
    return_count         INTEGER      NOT NULL,
    revision             INTEGER      NOT NULL,
    due_on               DATE         NOT NULL,
    review_due_on        DATE,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    submitted_by         VARCHAR(60),
    approved_at          TIMESTAMP WITH TIME ZONE,
    escalation_level     VARCHAR(20)  NOT NULL,
    process_instance_id  VARCHAR(64),
    version              ${bigint}    NOT NULL,
    CONSTRAINT uk_progress_report UNIQUE (task_id, unit_id, cycle_id),
    CONSTRAINT uk_progress_report_key UNIQUE (business_key),
    CONSTRAINT fk_progress_report_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_progress_report_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_progress_report_reviewer FOREIGN KEY (reviewer_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_progress_report_cycle FOREIGN KEY (cycle_id) REFERENCES reporting_cycle (id)
);
CREATE INDEX ix_progress_report_cycle ON progress_report (cycle_id);
CREATE INDEX ix_progress_report_unit ON progress_report (unit_id, status);

CREATE TABLE report_indicator_actual (
    id            ${bigint}     NOT NULL PRIMARY KEY,
    report_id     ${bigint}     NOT NULL,
    indicator_id  ${bigint}     NOT NULL,
    actual_value  NUMERIC(19,4),
    note          VARCHAR(500),
    CONSTRAINT uk_report_indicator_actual UNIQUE (report_id, indicator_id),
    CONSTRAINT fk_report_actual_report FOREIGN KEY (report_id) REFERENCES progress_report (id),
    CONSTRAINT fk_report_actual_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
);

-- What the report said at each submission, so a reviewer sees what changed since the returned version.
CREATE TABLE report_snapshot (
    id            ${bigint}    NOT NULL PRIMARY KEY,
    report_id     ${bigint}    NOT NULL,
    revision      INTEGER      NOT NULL,
    content       ${text}      NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by  VARCHAR(60)  NOT NULL,
    CONSTRAINT uk_report_snapshot UNIQUE (report_id, revision),
    CONSTRAINT fk_report_snapshot_report FOREIGN KEY (report_id) REFERENCES progress_report (id)
);

CREATE TABLE review_decision (
    id              ${bigint}    NOT NULL PRIMARY KEY,
    report_id       ${bigint}    NOT NULL,
    stage           VARCHAR(20)  NOT NULL,
    decision        VARCHAR(30)  NOT NULL,
    reason          ${text},
    field_comments  ${text},
    decided_by      VARCHAR(60)  NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_review_decision_report FOREIGN KEY (report_id) REFERENCES progress_report (id)
);
CREATE INDEX ix_review_decision_report ON review_decision (report_id);

-- 加签: a co-reviewer whose opinion the reviewer needs before deciding.
CREATE TABLE co_review (
    id               ${bigint}    NOT NULL PRIMARY KEY,
    report_id        ${bigint}    NOT NULL,
    requested_by     VARCHAR(60)  NOT NULL,
    co_reviewer      VARCHAR(60)  NOT NULL,
    engine_task_id   VARCHAR(64)  NOT NULL,
    opinion          ${text},
    status           VARCHAR(20)  NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_co_review_report FOREIGN KEY (report_id) REFERENCES progress_report (id)
);
CREATE INDEX ix_co_review_report ON co_review (report_id);

CREATE TABLE escalation (
    id                ${bigint}     NOT NULL PRIMARY KEY,
    task_id           ${bigint}     NOT NULL,
    report_id         ${bigint},
    unit_id           ${bigint}     NOT NULL,
    stage             VARCHAR(20)   NOT NULL,
    esc_level         VARCHAR(20)   NOT NULL,
    reason            VARCHAR(500)  NOT NULL,
    recipients        VARCHAR(500)  NOT NULL,
    actor             VARCHAR(60)   NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    case_instance_id  VARCHAR(64),
    resolved_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_escalation_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_escalation_report FOREIGN KEY (report_id) REFERENCES progress_report (id),
    CONSTRAINT fk_escalation_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_escalation_report ON escalation (report_id);
CREATE INDEX ix_escalation_unit ON escalation (unit_id);

CREATE TABLE work_plan (
    id            ${bigint}    NOT NULL PRIMARY KEY,
    task_id       ${bigint}    NOT NULL,
    milestones    ${text},
    split_note    ${text},
    status        VARCHAR(20)  NOT NULL,
    submitted_by  VARCHAR(60),
    submitted_at  TIMESTAMP WITH TIME ZONE,
    version       ${bigint}    NOT NULL,
    CONSTRAINT uk_work_plan_task UNIQUE (task_id),
    CONSTRAINT fk_work_plan_task FOREIGN KEY (task_id) REFERENCES key_task (id)
);

-- Each participating unit's share of each indicator, as the lead unit planned it.
CREATE TABLE work_plan_share (
    id            ${bigint}     NOT NULL PRIMARY KEY,
    work_plan_id  ${bigint}     NOT NULL,
    indicator_id  ${bigint}     NOT NULL,
    unit_id       ${bigint}     NOT NULL,
    share_value   NUMERIC(19,4) NOT NULL,
    CONSTRAINT uk_work_plan_share UNIQUE (work_plan_id, indicator_id, unit_id),
    CONSTRAINT fk_work_plan_share_plan FOREIGN KEY (work_plan_id) REFERENCES work_plan (id),
    CONSTRAINT fk_work_plan_share_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT fk_work_plan_share_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

-- The primary lead's consolidated report on a task for one cycle, accepted or returned by the supervisor.
CREATE TABLE cycle_task_report (
    id               ${bigint}    NOT NULL PRIMARY KEY,
    task_id          ${bigint}    NOT NULL,
    cycle_id         ${bigint}    NOT NULL,
    summary          ${text},
    status           VARCHAR(20)  NOT NULL,
    return_count     INTEGER      NOT NULL,
    submitted_by     VARCHAR(60),
    submitted_at     TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR(60),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reason  ${text},
    version          ${bigint}    NOT NULL,
    CONSTRAINT uk_cycle_task_report UNIQUE (task_id, cycle_id),
    CONSTRAINT fk_cycle_task_report_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_cycle_task_report_cycle FOREIGN KEY (cycle_id) REFERENCES reporting_cycle (id)
);

-- 销号: the lead's application to close the task, with evidence, and the supervisor's decision.
CREATE TABLE closure_application (
    id               ${bigint}    NOT NULL PRIMARY KEY,
    task_id          ${bigint}    NOT NULL,
    evidence         ${text}      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    applied_by       VARCHAR(60)  NOT NULL,
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(60),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reason  ${text},
    version          ${bigint}    NOT NULL,
    CONSTRAINT fk_closure_application_task FOREIGN KEY (task_id) REFERENCES key_task (id)
);

-- The primary lead asked the supervisor to change who does a task.
CREATE TABLE assignment_adjustment (
    id             ${bigint}    NOT NULL PRIMARY KEY,
    task_id        ${bigint}    NOT NULL,
    requested_by   VARCHAR(60)  NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         ${text}      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    decided_by     VARCHAR(60),
    decided_at     TIMESTAMP WITH TIME ZONE,
    decision_note  ${text},
    CONSTRAINT fk_assignment_adjustment_task FOREIGN KEY (task_id) REFERENCES key_task (id)
);

-- 问题协调: a problem raised in a report, triaged by the supervisor, answered by a coordinating unit.
CREATE TABLE coordination_request (
    id                    ${bigint}    NOT NULL PRIMARY KEY,
    business_key          VARCHAR(140) NOT NULL,
    task_id               ${bigint}    NOT NULL,
    report_id             ${bigint},
    raised_by_unit_id     ${bigint}    NOT NULL,
    raised_by             VARCHAR(60)  NOT NULL,
    coordinating_unit_id  ${bigint},
    problem               ${text}      NOT NULL,
    triage_note           ${text},
    response              ${text},
    status                VARCHAR(20)  NOT NULL,
    reopen_count          INTEGER      NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at             TIMESTAMP WITH TIME ZONE,
    version               ${bigint}    NOT NULL,
    CONSTRAINT uk_coordination_request_key UNIQUE (business_key),
    CONSTRAINT fk_coordination_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_coordination_report FOREIGN KEY (report_id) REFERENCES progress_report (id),
    CONSTRAINT fk_coordination_raised_by FOREIGN KEY (raised_by_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_coordination_unit FOREIGN KEY (coordinating_unit_id) REFERENCES org_unit (id)
);

CREATE TABLE notification (
    id          ${bigint}    NOT NULL PRIMARY KEY,
    recipient   VARCHAR(60)  NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    body        ${text},
    link        VARCHAR(300),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notification_recipient ON notification (recipient, read_at);
