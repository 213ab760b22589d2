-- A supervisor's hand-set ledger light (亮灯) for one report, with the reason. A cleared override stays as history;
-- at most one per report is active (cleared_at null). Every change is also in the audit trail.
CREATE TABLE ledger_override (
    id           ${bigint}     NOT NULL PRIMARY KEY,
    report_id    ${bigint}     NOT NULL,
    light        VARCHAR(10)   NOT NULL,
    reason       VARCHAR(500)  NOT NULL,
    set_by       VARCHAR(60)   NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_by   VARCHAR(60),
    cleared_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_ledger_override_report FOREIGN KEY (report_id) REFERENCES progress_report (id)
);
CREATE INDEX ix_ledger_override_report ON ledger_override (report_id, cleared_at);
CREATE INDEX ix_escalation_open ON escalation (report_id, resolved_at);
