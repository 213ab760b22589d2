#!/bin/bash
# gvenzl/oracle-free runs the files in /container-entrypoint-initdb.d once, on the first start of an empty data
# volume, after FREEPDB1 is open. This one creates Duban's schema owner in FREEPDB1 from the container's
# DUBAN_DB_USER / DUBAN_DB_PASSWORD (deployment/.env), using the same SQL a DBA runs on a real server.
#
# The image executes *.sh files that have the executable bit and sources the others, so this script works either way:
# no `exit`, no `set -e`, every variable with a default (the entrypoint runs with `set -u`).
#
# When it succeeds it leaves a marker file on the data volume; the compose healthcheck waits for it, so the Duban nodes
# do not start before their user exists (the image's own healthcheck.sh turns healthy as soon as FREEPDB1 is open,
# which is before these scripts run).

duban_user="${DUBAN_DB_USER:-duban}"
duban_password="${DUBAN_DB_PASSWORD:-}"
duban_pdb="${DUBAN_PDB:-FREEPDB1}"
duban_marker="${ORACLE_BASE:-/opt/oracle}/oradata/.duban-user-created"

if [ -z "${duban_password}" ]; then
  echo "DUBAN INIT: DUBAN_DB_PASSWORD is empty; the ${duban_user} user was NOT created." >&2
elif sqlplus -s -L / as sysdba <<SQL
WHENEVER SQLERROR EXIT SQL.SQLCODE
ALTER SESSION SET CONTAINER=${duban_pdb};
@/opt/duban/create-duban-user.sql ${duban_user} "${duban_password}" USERS
SQL
then
  touch "${duban_marker}"
  echo "DUBAN INIT: user ${duban_user} created in ${duban_pdb}."
else
  echo "DUBAN INIT: creating user ${duban_user} in ${duban_pdb} failed; see the SQL*Plus output above." >&2
fi
