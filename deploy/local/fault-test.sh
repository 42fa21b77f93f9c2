#!/usr/bin/env bash
# The fault test: the real service (Release) under a steady load of home-page reads and comment
# posts while its PostgreSQL is stopped for 10 s and started again (deploy/local/fault-load.mjs
# drives the load and the clock). Checks that answers during the outage are quick and say
# SERVICE_UNAVAILABLE, readiness is false meanwhile, the service recovers by itself within 10 s,
# no connection leaked, and every acknowledged comment is stored exactly once.
# Runs its own throwaway cluster (it is stopped on purpose, so never the one of test.sh), on
# loopback only; stops everything it started, also on failure and Ctrl-C.
# Ends with one plain line "fault test: N passed, N failed". Needs .NET and Node 20.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"

command -v node >/dev/null || pglocal_die "Node 20 is needed for the fault test"
POOL_SIZE=20   # Maximum Pool Size for the service: small, so a leak would show

work='' passed=0 failed=0
cleanup() {
  local status=$?
  trap '' INT TERM
  pglocal_reap   # the service
  [[ -z ${FAULT_TEST_KEEP_LOG:-} || -z $work ]] || cp "$work/service.log" "$FAULT_TEST_KEEP_LOG" 2>/dev/null || true
  pglocal_stop
  pglocal_throwaway_remove "$REPO"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check() { # check OK TEXT
  if [[ $1 == 0 ]]; then passed=$((passed + 1)); echo "ok - $2"; else failed=$((failed + 1)); echo "not ok - $2"; fi
}

# --- a cluster of its own --------------------------------------------------------------------
pglocal_throwaway faults "$REPO"
work=$PGLOCAL_WORK
pglocal_createdb faults
pglocal_say "PostgreSQL for the fault test: 127.0.0.1:$PGLOCAL_PORT"

# What fault-load.mjs runs to take the database away and bring it back (same port, same data).
printf -v data_dir '%q' "$PGLOCAL_HOME/data"
printf -v server_log '%q' "$PGLOCAL_HOME/postgres.log"
as_server=''
[[ $EUID -eq 0 ]] && as_server="runuser -u $PGLOCAL_SERVER_USER --"
export PG_STOP="cd / && $as_server $PGLOCAL_BIN/pg_ctl stop -D $data_dir -m fast -w -t 30 >/dev/null"
export PG_START="cd / && $as_server $PGLOCAL_BIN/pg_ctl start -D $data_dir -l $server_log -w -t 30 -o '-p $PGLOCAL_PORT' >/dev/null"

# --- the service -------------------------------------------------------------------------------
dotnet build src/HeadlessReviews.Api -c Release --nologo -v quiet >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  pglocal_die "the service did not build"
}
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export SERVICE_URL="http://127.0.0.1:$port"
service_log=$work/service.log
# Posts come from one address: the per-address limits are lifted so they measure the outage, not the limiter.
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Reviews="$(pglocal_connection_string faults);Maximum Pool Size=$POOL_SIZE" \
HeadlessReviews__SeedDemoData=true \
HeadlessReviews__AdminToken="fault_admin_$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" \
HeadlessReviews__Comments__PostsPerMinute=10000 \
HeadlessReviews__Comments__PostsPerHour=100000 \
  pglocal_spawn dotnet src/HeadlessReviews.Api/bin/Release/net10.0/HeadlessReviews.Api.dll --urls "$SERVICE_URL" >"$service_log" 2>&1
for _ in $(seq 1 120); do
  curl -fsS "$SERVICE_URL/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PGLOCAL_CHILD" 2>/dev/null || { cat "$service_log" >&2; pglocal_die "the service stopped"; }
  sleep 0.5
done
curl -fsS "$SERVICE_URL/health/ready" >/dev/null || { cat "$service_log" >&2; pglocal_die "the service never became ready"; }

# --- load, outage, recovery ----------------------------------------------------------------------
export ACKED_FILE=$work/acked.txt RUN_ID
RUN_ID=$(od -An -tx1 -N4 /dev/urandom | tr -d ' \n')
load_status=0
node deploy/local/fault-load.mjs | tee "$work/load.out" || load_status=$?
load_passed=$(sed -nE 's/^load checks: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$work/load.out")
load_failed=$(sed -nE 's/^load checks: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$work/load.out")
passed=$((passed + ${load_passed:-0}))
failed=$((failed + ${load_failed:-0}))
[[ $load_status == 0 || ${load_failed:-0} != 0 ]] || failed=$((failed + 1))   # it crashed before its checks

# --- what PostgreSQL holds afterwards ------------------------------------------------------------
# Connections of the service (requests and the NOTIFY listener), once the load has stopped.
connections=$(pglocal_psql -d postgres -tAc \
  "select count(*) from pg_stat_activity where datname = 'faults' and pid <> pg_backend_pid()")
check "$((connections <= POOL_SIZE + 1 ? 0 : 1))" \
  "connections to the database afterwards: $connections (pool of $POOL_SIZE and the listener): none leaked"

# The NOTIFY listener reconnects by itself (back-off at most HeadlessReviews:Realtime:ReconnectMaxDelaySeconds, 10 s).
listening=0
for _ in $(seq 1 30); do
  listening=$(pglocal_psql -d postgres -tAc \
    "select count(*) from pg_stat_activity where datname = 'faults' and application_name = 'headless-reviews-listener'")
  ((listening == 1)) && break
  sleep 0.5
done
check "$((listening == 1 ? 0 : 1))" "the event listener is connected again ($listening listening connection)"

if [[ -s $ACKED_FILE ]]; then
  # Stored fault-test comments, by clientMutationId (the body ends with it).
  pglocal_psql -d faults -tA -F ' ' -c \
    "select substring(data->>'Body' from 'fault-[a-z0-9-]+\$'), count(*) from public.mt_doc_comment
     where data->>'Body' like 'Fault test comment fault-$RUN_ID-%' group by 1" >"$work/stored.txt"
  acked=$(wc -l <"$ACKED_FILE")
  missing=$(awk 'NR == FNR { stored[$1] = $2; next } !($1 in stored)' "$work/stored.txt" "$ACKED_FILE" | wc -l)
  twice=$(awk '$2 > 1' "$work/stored.txt" | wc -l)
  unacked=$(awk 'NR == FNR { acked[$1] = 1; next } !($1 in acked)' "$ACKED_FILE" "$work/stored.txt" | wc -l)
  check "$((missing == 0 ? 0 : 1))" "every acknowledged comment is stored: $((acked - missing)) of $acked"
  check "$((twice == 0 ? 0 : 1))" "no comment stored twice ($twice stored more than once; $unacked stored but not acknowledged)"
else
  check 1 "comments were acknowledged (none)"
fi

warnings=$(grep -c "PostgreSQL is unreachable" "$service_log" || true)
crashes=$(grep -cE "^fail: |Unhandled error in GraphQL execution|An unhandled exception" "$service_log" || true)
check "$((warnings >= 1 && crashes == 0 ? 0 : 1))" \
  "the service logged the outage as a warning ($warnings) and no error ($crashes)"
if ((crashes > 0)); then grep -E "^fail: " "$service_log" | sort | uniq -c >&2; fi
grep -E "PostgreSQL (is unreachable|answers again)" "$service_log" | sed 's/^/service: /' || true

echo "fault test: $passed passed, $failed failed"
((failed == 0))
