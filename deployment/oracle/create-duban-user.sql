-- Creates Duban's schema owner: the one database user the application connects as. Flyway creates Duban's tables
-- (flyway_schema_history, org_*, plan, key_task, ...) and Camunda creates its ACT_* tables in this user's schema on the
-- first start, so the user needs to create tables, indexes and sequences in its own schema, and nothing else.
--
-- Run it as a DBA, connected to the pluggable database that will hold Duban (not to CDB$ROOT):
--
--   sqlplus -L "sys@//db.example.gov.cn:1521/DUBANPDB as sysdba" @create-duban-user.sql DUBAN "<password>" DUBAN_DATA
--
--   &1  user name (e.g. DUBAN)
--   &2  password (quoted; any character but a double quote)
--   &3  tablespace for Duban's data, with an unlimited quota (e.g. USERS, or a dedicated DUBAN_DATA)
--
-- deployment/oracle/initdb/01-create-duban-user.sh runs this same script inside the Oracle Free container.

WHENEVER SQLERROR EXIT SQL.SQLCODE
SET VERIFY OFF

CREATE USER &1 IDENTIFIED BY "&2"
    DEFAULT TABLESPACE &3
    QUOTA UNLIMITED ON &3;

-- Log in.
GRANT CREATE SESSION TO &1;
-- Flyway's migrations and Camunda's schema creation: tables, and the indexes and constraints on them.
GRANT CREATE TABLE TO &1;
-- duban_seq (V1) and any later sequences.
GRANT CREATE SEQUENCE TO &1;
-- Reporting views that later migrations may add.
GRANT CREATE VIEW TO &1;
-- No migration uses PL/SQL today. Grant these only when one does:
-- GRANT CREATE PROCEDURE TO &1;
-- GRANT CREATE TRIGGER TO &1;

-- Deliberately not granted: UNLIMITED TABLESPACE (a quota on one tablespace is enough), RESOURCE/DBA roles,
-- any *ANY* privilege. Flyway's lock is a LOCK TABLE on its own flyway_schema_history table; Camunda's locks are rows
-- in its own ACT_GE_PROPERTY table; neither needs more.
--
-- Password ageing: the DEFAULT profile expires passwords (180 days on recent releases). An expired password stops every
-- Duban node at once. Either rotate it on a schedule (update the Kubernetes Secret / deployment/.env, then restart the
-- nodes one by one) or give the account a service-account profile, e.g.:
--   CREATE PROFILE duban_service LIMIT PASSWORD_LIFE_TIME UNLIMITED FAILED_LOGIN_ATTEMPTS 10;
--   ALTER USER &1 PROFILE duban_service;

SELECT privilege FROM dba_sys_privs WHERE grantee = UPPER('&1') ORDER BY privilege;
SELECT tablespace_name, max_bytes FROM dba_ts_quotas WHERE username = UPPER('&1');
