-- The key-task catalog: plan -> section -> task -> indicator, and the units assigned to each task.
CREATE TABLE plan (
    id               ${bigint}       NOT NULL PRIMARY KEY,
    document_number  VARCHAR(100) NOT NULL,
    plan_year        INTEGER      NOT NULL,
    title            VARCHAR(300) NOT NULL,
    source_name      VARCHAR(300) NOT NULL,
    source_sha256    VARCHAR(64)  NOT NULL,
    report_frequency VARCHAR(20)  NOT NULL,
    report_due_day   INTEGER      NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by      VARCHAR(60)  NOT NULL,
    version          ${bigint}       NOT NULL,
    CONSTRAINT uk_plan_document UNIQUE (document_number, plan_year)
);

CREATE TABLE plan_section (
    id          ${bigint}       NOT NULL PRIMARY KEY,
    plan_id     ${bigint}       NOT NULL,
    section_no  INTEGER      NOT NULL,
    label       VARCHAR(20)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    CONSTRAINT uk_plan_section UNIQUE (plan_id, section_no),
    CONSTRAINT fk_plan_section_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);

CREATE TABLE key_task (
    id          ${bigint}       NOT NULL PRIMARY KEY,
    plan_id     ${bigint}       NOT NULL,
    section_id  ${bigint}       NOT NULL,
    task_no     INTEGER      NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    title       VARCHAR(300) NOT NULL,
    body        ${text}      NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    version     ${bigint}       NOT NULL,
    CONSTRAINT uk_key_task_no UNIQUE (plan_id, task_no),
    CONSTRAINT uk_key_task_code UNIQUE (plan_id, code),
    CONSTRAINT fk_key_task_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT fk_key_task_section FOREIGN KEY (section_id) REFERENCES plan_section (id)
);
CREATE INDEX ix_key_task_section ON key_task (section_id);

CREATE TABLE indicator (
    id            ${bigint}        NOT NULL PRIMARY KEY,
    task_id       ${bigint}        NOT NULL,
    seq_no        INTEGER       NOT NULL,
    phrase        VARCHAR(500)  NOT NULL,
    target_value  NUMERIC(19,4) NOT NULL,
    measure_unit  VARCHAR(20),
    comparator    VARCHAR(10)   NOT NULL,
    CONSTRAINT uk_indicator_seq UNIQUE (task_id, seq_no),
    CONSTRAINT fk_indicator_task FOREIGN KEY (task_id) REFERENCES key_task (id)
);

CREATE TABLE task_assignment (
    id         ${bigint}      NOT NULL PRIMARY KEY,
    task_id    ${bigint}      NOT NULL,
    unit_id    ${bigint}      NOT NULL,
    role_name  VARCHAR(20) NOT NULL,
    seq_no     INTEGER     NOT NULL,
    CONSTRAINT uk_task_assignment UNIQUE (task_id, unit_id),
    CONSTRAINT fk_task_assignment_task FOREIGN KEY (task_id) REFERENCES key_task (id),
    CONSTRAINT fk_task_assignment_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_task_assignment_unit ON task_assignment (unit_id);

-- Group tokens such as 有关县区政府 that a person has to settle into concrete units.
CREATE TABLE task_open_token (
    id       ${bigint}       NOT NULL PRIMARY KEY,
    task_id  ${bigint}       NOT NULL,
    token    VARCHAR(100) NOT NULL,
    CONSTRAINT fk_task_open_token_task FOREIGN KEY (task_id) REFERENCES key_task (id)
);

-- Every import attempt of a plan, with the parser's warnings and the differences it found.
CREATE TABLE plan_import (
    id           ${bigint}       NOT NULL PRIMARY KEY,
    plan_id      ${bigint}       NOT NULL,
    source_name  VARCHAR(300) NOT NULL,
    source_sha256 VARCHAR(64) NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    warnings     ${text},
    differences  ${text},
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by  VARCHAR(60)  NOT NULL,
    CONSTRAINT fk_plan_import_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);
