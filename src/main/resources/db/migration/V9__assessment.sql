-- Unit assessment (考核): the weights an admin gives each component of a unit's score, in whole percent summing to
-- 100. One row (id 1), shipped with the defaults 40/20/20/20; every change is also in the audit trail.
CREATE TABLE assessment_weights (
    id                  ${bigint}    NOT NULL PRIMARY KEY,
    on_time_weight      INTEGER      NOT NULL,
    returns_weight      INTEGER      NOT NULL,
    escalations_weight  INTEGER      NOT NULL,
    indicators_weight   INTEGER      NOT NULL,
    updated_by          VARCHAR(60)  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE,
    version             ${bigint}    NOT NULL
);
INSERT INTO assessment_weights (id, on_time_weight, returns_weight, escalations_weight, indicators_weight, updated_by,
    updated_at, version) VALUES (1, 40, 20, 20, 20, 'system', NULL, 0);
