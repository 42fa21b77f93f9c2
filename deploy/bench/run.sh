#!/usr/bin/env bash
# Subscription benchmark of issue 5: starts the service (Release build) on a free loopback
# port against a throwaway database, runs deploy/bench/subscribers.mjs against it, then stops
# the service and drops the database. Arguments go to subscribers.mjs (e.g. --subscribers 1000).
#
# Database: with ConnectionStrings__Reviews set (a server whose user may create databases),
# a database bench_<random> is created on that server and dropped afterwards; without it,
# a throwaway PostgreSQL cluster is started in a temporary folder (deploy/local/postgres.sh).
#
# The report is printed and written to deploy/bench/results/subscribers-<date>.json.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BENCH=$REPO/deploy/bench
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"

command -v dotnet >/dev/null || pglocal_die "dotnet not found"
command -v node >/dev/null || pglocal_die "node not found (Node 20 or later)"

# One file descriptor per connection on both sides, plus margin.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
pglocal_say "open files limit: $(ulimit -n)"

DLL=$REPO/src/HeadlessReviews.Api/bin/Release/net10.0/HeadlessReviews.Api.dll
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  flock -w 300 /tmp/hr-build.lock dotnet build "$REPO/src/HeadlessReviews.Api" -c Release -nologo -v q >&2
fi
[[ -f $DLL ]] || pglocal_die "$DLL not found"

[[ -d $BENCH/node_modules/graphql-ws ]] || (cd "$BENCH" && npm ci --no-audit --no-fund >&2)

work=$(mktemp -d "${TMPDIR:-/tmp}/headlessreviews-bench.XXXXXX")
chmod 711 "$work"
fallback='' db='' psql_conn=()
cleanup() {
  local status=$?
  trap '' INT TERM
  pglocal_reap   # the service
  if [[ -n $db && ${#psql_conn[@]} -gt 0 ]]; then
    psql "${psql_conn[@]}" -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 ||
      pglocal_say "warning: could not drop database $db"
  fi
  pglocal_stop
  rm -rf "$work" ${fallback:+"$fallback"}
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

db=bench_$(date +%s)_$RANDOM
if [[ -n ${ConnectionStrings__Reviews:-} ]]; then
  # Take host, port, user and password from the Npgsql connection string.
  declare -A cs=()
  IFS=';' read -ra parts <<<"$ConnectionStrings__Reviews"
  for p in "${parts[@]}"; do
    [[ $p == *=* ]] || continue
    k=${p%%=*} k=${k,,} k=${k// /}
    cs[$k]=${p#*=}
  done
  host=${cs[host]:-${cs[server]:-127.0.0.1}}
  [[ $host == 127.0.0.1 || $host == localhost || $host == ::1 ]] || pglocal_die "loopback database servers only (Host=$host)"
  user=${cs[username]:-${cs[userid]:-${cs[user]:-postgres}}}
  psql_conn=(-h "$host" -p "${cs[port]:-5432}" -U "$user" -v ON_ERROR_STOP=1)
  [[ -n ${cs[password]:-} ]] && export PGPASSWORD=${cs[password]}
  psql "${psql_conn[@]}" -d postgres -qc "create database \"$db\"" >/dev/null
  conn="Host=$host;Port=${cs[port]:-5432};Username=$user;${cs[password]:+Password=${cs[password]};}Database=$db"
else
  pglocal_find_bin
  fallback=$(pglocal_fallback_root "$REPO")/bench-${work##*.}
  pglocal_home "$work/postgres" "$fallback"
  pglocal_init throwaway
  pglocal_start random
  pglocal_createdb "$db"
  conn=$(pglocal_connection_string "$db")
  db=''   # the whole cluster goes away
fi
pglocal_say "database: ${db:-throwaway cluster} ($(sed -E 's/Password=[^;]*/Password=***/' <<<"$conn"))"

port=
for ((i = 0; i < 200; i++)); do
  candidate=$((56000 + RANDOM % 1000))
  if pglocal_port_free "$candidate"; then port=$candidate; break; fi
done
[[ -n $port ]] || pglocal_die "no free port in 56000-56999 on 127.0.0.1"
url=http://127.0.0.1:$port
token=${BENCH_ADMIN_TOKEN:-hr_bench_admin_token_0123456789abcdef}

ConnectionStrings__Reviews=$conn \
ASPNETCORE_ENVIRONMENT=Development \
HeadlessReviews__SeedDemoData=true \
HeadlessReviews__AdminToken=$token \
HeadlessReviews__WebSockets__MaxConnectionsPerClient=${BENCH_MAX_CONNECTIONS:-10000} \
Logging__LogLevel__Default=Warning \
  pglocal_spawn dotnet "$DLL" --urls "$url"
service_pid=$PGLOCAL_CHILD
pglocal_say "service: pid $service_pid on $url"

for ((i = 0; i < 600; i++)); do
  kill -0 "$service_pid" 2>/dev/null || pglocal_die "the service exited during start-up"
  curl -fsS -o /dev/null -H 'content-type: application/json' \
    --data '{"query":"{ film(slug: \"her\") { id } }"}' "$url/graphql" 2>/dev/null && break
  sleep 0.2
done
((i < 600)) || pglocal_die "the service did not answer within 120 s"

status=0
node "$BENCH/subscribers.mjs" --url "$url" --pid "$service_pid" --token "$token" "$@" || status=$?
exit "$status"
