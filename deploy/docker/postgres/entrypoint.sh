#!/bin/bash
# Entry point of the PostgreSQL image: on first start, creates the cluster in $PGDATA (the volume)
# with the superuser's password from POSTGRES_PASSWORD_FILE or POSTGRES_PASSWORD and, when
# POSTGRES_DB is set, that database; then runs the server in the foreground (arguments passed on).
set -euo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  password=${POSTGRES_PASSWORD:-}
  if [[ -n ${POSTGRES_PASSWORD_FILE:-} ]]; then
    password=$(<"$POSTGRES_PASSWORD_FILE")
  fi
  if [[ -z $password ]]; then
    echo "headlessreviews-postgres: set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s' "$password" >"$pwfile"
  # Password (SCRAM) for every TCP client; the local socket trusts only its own OS user.
  initdb -D "$PGDATA" -U postgres --pwfile="$pwfile" --auth-host=scram-sha-256 --auth-local=peer \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  if [[ -n ${POSTGRES_DB:-} && $POSTGRES_DB != postgres ]]; then
    # Single-user mode: no server, no port open, before the real start.
    printf 'CREATE DATABASE "%s";\n' "${POSTGRES_DB//\"/\"\"}" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "headlessreviews-postgres: cluster created in $PGDATA" >&2
fi

exec postgres -D "$PGDATA" "$@"
