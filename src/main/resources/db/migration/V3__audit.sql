-- Append-only audit trail: who did what, when, with the state before and after.
CREATE TABLE audit_event (
    id            ${bigint}       NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(60)  NOT NULL,
    action        VARCHAR(40)  NOT NULL,
    entity_type   VARCHAR(40)  NOT NULL,
    entity_id     VARCHAR(100) NOT NULL,
    summary       VARCHAR(1000),
    before_state  ${text},
    after_state   ${text}
);
CREATE INDEX ix_audit_event_entity ON audit_event (entity_type, entity_id);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
