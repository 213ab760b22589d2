-- Units, their aliases and users. Every migration is written once for H2, PostgreSQL and Oracle:
-- ${text}, ${bool} and ${bigint} are Flyway placeholders set per profile (Oracle has no BIGINT, BOOLEAN or TEXT),
-- identifiers avoid reserved words (no USER, LEVEL, NUMBER, VALUE, YEAR, DAY, SIZE, COMMENT), and ALTER TABLE ... ADD
-- is written without the COLUMN keyword, which Oracle refuses.
CREATE SEQUENCE duban_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE org_unit (
    id              ${bigint}       NOT NULL PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    unit_type       VARCHAR(20)  NOT NULL,
    registered      ${bool}      NOT NULL,
    active          ${bool}      NOT NULL,
    leader_signoff  ${bool}      NOT NULL,
    sort_order      INTEGER      NOT NULL,
    version         ${bigint}       NOT NULL,
    CONSTRAINT uk_org_unit_code UNIQUE (code),
    CONSTRAINT uk_org_unit_name UNIQUE (name)
);

CREATE TABLE org_unit_alias (
    id       ${bigint}       NOT NULL PRIMARY KEY,
    unit_id  ${bigint}       NOT NULL,
    alias    VARCHAR(100) NOT NULL,
    CONSTRAINT uk_org_unit_alias UNIQUE (alias),
    CONSTRAINT fk_org_unit_alias_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE app_user (
    id             ${bigint}       NOT NULL PRIMARY KEY,
    username       VARCHAR(60)  NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    unit_id        ${bigint}       NOT NULL,
    email          VARCHAR(200),
    email_opt_out  ${bool}      NOT NULL,
    active         ${bool}      NOT NULL,
    version        ${bigint}       NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);

CREATE TABLE app_user_role (
    user_id    ${bigint}      NOT NULL,
    role_name  VARCHAR(20) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role_name),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_app_user_unit ON app_user (unit_id);
