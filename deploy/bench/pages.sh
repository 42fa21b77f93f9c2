#!/usr/bin/env bash
# Page benchmark of issue 16: HeadlessReviews against PostGraphile 4 and a raw Npgsql endpoint, on the
# same deterministic data in one throwaway PostgreSQL cluster, interleaved so machine drift hits all alike.
#
#   deploy/bench/pages.sh [--scales S,M] [--duration 20] [--warmup 5] [--first-warmup 15] [--rounds 2] [--concurrency 1,16,64] [--quick] [--load-only]
#                         [--ops review,home,search,comment] [--contenders hr,hrc,pg,raw]
#
# For each scale it loads the catalogue (deploy/bench/Loader: Marten bulk insert, plus a relational copy for
# PostGraphile), starts the servers (HeadlessReviews twice: `hr` with its response cache off, `hrc` with it
# on), checks they answer the same content, warms each on each page once, then for each round, page, concurrency and contender in turn runs
# wrk (warm-up, then the measured run), sampling CPU from /proc. Then, at the first scale, the stale window:
# a second instance with the cache on takes headline edits while readers hammer `hrc` (pages.mjs stale).
# --quick: a smoke run (S, 1 round, 3 s after 1 s warm-up, c = 1 and 16) that proves the harness works.
# --load-only: generate and load the scales, report how long each took and how big it is, and stop.
# --ops, --contenders: measure only these cells (every server still starts and is checked), e.g. the L
# figures: --scales S,L --ops review,home --contenders hr --concurrency 16 --rounds 1.
# Writes deploy/bench/results/pages-<scales>-<date>.md (and .svg), and copies them to
# deploy/bench/pages-results.md and deploy/bench/pages-throughput.svg. Stops everything it started.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
BENCH=$REPO/deploy/bench
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"
command_line="deploy/bench/pages.sh${*:+ $*}"

scales=S,M duration=20 warmup=5 first_warmup=15 rounds=2 concurrency=1,16,64 quick=0 load_only=0 floor_seconds=10 ops=review,home,search,comment contenders=hr,hrc,pg,raw
while (($#)); do
  case $1 in
    --scales | --scale) scales=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --first-warmup) first_warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --ops) ops=$2; shift 2 ;;
    --contenders) contenders=$2; shift 2 ;;
    --load-only) load_only=1; shift ;;
    --quick) quick=1 scales=S duration=3 warmup=1 first_warmup=1 rounds=1 concurrency=1,16 stale_changes=40 floor_seconds=2; shift ;;
    *) pglocal_die "unknown argument $1 (see the head of $0)" ;;
  esac
done
IFS=, read -ra scale_list <<<"${scales^^}"
IFS=, read -ra concurrency_list <<<"$concurrency"
IFS=, read -ra ops <<<"$ops"
IFS=, read -ra contenders <<<"$contenders"
stale_changes=300 stale_interval_ms=100

for tool in dotnet node npm wrk curl; do command -v $tool >/dev/null || pglocal_die "$tool not found${tool/wrk/ (apt-get install wrk)}"; done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# Builds (Release), serialised with the other builds on this machine.
# The service is published as the container image publishes it: for this machine's runtime, ReadyToRun.
case $(uname -m) in aarch64 | arm64) runtime=linux-arm64 ;; *) runtime=linux-x64 ;; esac
API_DIR=$REPO/src/HeadlessReviews.Api/bin/Release/net10.0/$runtime/publish
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  pglocal_say "publishing src/HeadlessReviews.Api (Release, $runtime, ReadyToRun)"
  flock -w 900 /tmp/hr-build.lock dotnet publish src/HeadlessReviews.Api -c Release -r "$runtime" --self-contained false \
    -nologo -v q -o "$API_DIR" >&2
  for project in deploy/bench/Loader deploy/bench/Raw deploy/bench/EngineFloor; do
    pglocal_say "building $project (Release)"
    flock -w 900 /tmp/hr-build.lock dotnet build "$project" -c Release -nologo -v q >&2
  done
fi
API_DLL=$API_DIR/HeadlessReviews.Api.dll
LOADER_DLL=$BENCH/Loader/bin/Release/net10.0/HeadlessReviews.Bench.Loader.dll
[[ -f $LOADER_DLL ]] || LOADER_DLL=$BENCH/Loader/bin/Release/net10.0/Loader.dll
RAW_DLL=$BENCH/Raw/bin/Release/net10.0/Raw.dll
FLOOR_DLL=$BENCH/EngineFloor/bin/Release/net10.0/EngineFloor.dll
POSTGRAPHILE=$BENCH/postgraphile/node_modules/postgraphile/cli.js
[[ -f $POSTGRAPHILE ]] || (cd "$BENCH/postgraphile" && npm ci --no-audit --no-fund >&2)

work=$(mktemp -d "${TMPDIR:-/tmp}/headlessreviews-pages.XXXXXX")
chmod 711 "$work"
fallback='' groups=()
cleanup() {
  local status=$?
  trap '' INT TERM
  local g
  for g in "${groups[@]}"; do PGLOCAL_CHILD=$g pglocal_reap; done
  pglocal_stop
  rm -rf "$work" ${fallback:+"$fallback"}
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a server in its own process group; sets SPAWNED to its pid.
spawn() {
  local log=$1; shift
  pglocal_spawn "$@" >"$log" 2>&1
  SPAWNED=$PGLOCAL_CHILD
  groups+=("$SPAWNED")
}
stop() {
  local pid=$1 g kept=()
  PGLOCAL_CHILD=$pid pglocal_reap
  for g in "${groups[@]}"; do [[ $g == "$pid" ]] || kept+=("$g"); done
  groups=("${kept[@]}")
}
free_port() {
  local i candidate
  for ((i = 0; i < 200; i++)); do
    candidate=$((57000 + RANDOM % 1000))
    pglocal_port_free "$candidate" && { echo "$candidate"; return; }
  done
  pglocal_die "no free port in 57000-57999"
}
# Waits until URL answers BODY with data and no errors; fails if PID exits first.
wait_ready() {
  local pid=$1 url=$2 body=$3 log=$4 i
  for ((i = 0; i < 1200; i++)); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; pglocal_die "server $pid exited during start-up (log above)"; }
    if curl -fsS -H 'content-type: application/json' --data "$body" "$url" 2>/dev/null | grep -q '"data":{'; then return; fi
    sleep 0.05
  done
  tail -n 30 "$log" >&2
  pglocal_die "$url did not answer within 60 s"
}
now() { date +%s.%N; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The whole cluster: the postmaster, the backends that have exited (its children's times) and those alive.
pg_ticks() {
  local pm total child
  pm=$(head -n 1 "$PGLOCAL_HOME/data/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for child in $(ps -o pid= --ppid "$pm"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
hz=$(getconf CLK_TCK)
hwm_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

pglocal_find_bin
fallback=$(pglocal_fallback_root "$REPO")/pages-${work##*.}
pglocal_home "$work/postgres" "$fallback"
pglocal_init throwaway
pglocal_start random
pg_version=$(pglocal_psql -d postgres -tAc 'show server_version')

declare -A load_seconds cold_start sizes floor rss_hr rss_hrc rss_pg rss_raw
results=$work/results.jsonl
: >"$results"
# Each scale has a database of its own: the service's Marten tables, and the relational copy in schema rel.
for scale in "${scale_list[@]}"; do
  db=bench_${scale,,}
  pglocal_createdb "$db" >/dev/null
  conn=$(pglocal_connection_string "$db")
  pglocal_say "scale $scale: creating the service's schema (migrate)"
  ConnectionStrings__Reviews=$conn ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$API_DLL" migrate >"$work/migrate-$scale.log" 2>&1 || { cat "$work/migrate-$scale.log" >&2; pglocal_die "migrate failed"; }
  started=$(now)
  dotnet "$LOADER_DLL" --scale "$scale" --connection "$conn" --targets "$work/targets-$scale.tsv"
  load_seconds[$scale]=$(awk -v a="$started" -v b="$(now)" 'BEGIN {printf "%.0f", b - a}')
  # As a database in service would be: vacuumed and analysed, so no contender (nor the cold start) meets
  # autovacuum catching up with the bulk load.
  pglocal_psql -d "$db" -c 'vacuum (analyze)' >/dev/null
  sizes[$scale]=$(pglocal_psql -d "$db" -tAc "select format('%s films, %s people, %s reviews, %s comments; %s',
    (select count(*) from rel.films), (select count(*) from rel.people), (select count(*) from rel.reviews),
    (select count(*) from rel.comments), pg_size_pretty(pg_database_size(current_database())))")
done

if [[ $load_only == 1 ]]; then
  for scale in "${scale_list[@]}"; do pglocal_say "scale $scale: loaded in ${load_seconds[$scale]} s: ${sizes[$scale]}"; done
  exit 0
fi

admin_token=hr_bench_admin_$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
home_hr='{"query":"{ reviews(first: 1) { nodes { slug } } }"}'
for scale in "${scale_list[@]}"; do
  db=bench_${scale,,}
  conn=$(pglocal_connection_string "$db")
  pglocal_say "scale $scale: starting the contenders"
  hr_port=$(free_port)
  started=$(now)
  # hr: the response cache explicitly off (the targets without caching); hrc: on, as it is by default.
  ConnectionStrings__Reviews=$conn ASPNETCORE_ENVIRONMENT=Production HeadlessReviews__AdminToken=$admin_token \
  Logging__LogLevel__Default=Warning HeadlessReviews__Ide__Enabled=false HeadlessReviews__ResponseCache__Enabled=false \
    spawn "$work/hr-$scale.log" dotnet "$API_DLL" --urls "http://127.0.0.1:$hr_port"
  hr_pid=$SPAWNED
  wait_ready "$hr_pid" "http://127.0.0.1:$hr_port/graphql" "$home_hr" "$work/hr-$scale.log"
  cold_start[$scale]=$(awk -v a="$started" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}')
  pglocal_say "  HeadlessReviews: pid $hr_pid, ready in ${cold_start[$scale]} s"
  hrc_port=$(free_port)
  ConnectionStrings__Reviews=$conn ASPNETCORE_ENVIRONMENT=Production HeadlessReviews__AdminToken=$admin_token \
  Logging__LogLevel__Default=Warning HeadlessReviews__Ide__Enabled=false HeadlessReviews__ResponseCache__Enabled=true \
    spawn "$work/hrc-$scale.log" dotnet "$API_DLL" --urls "http://127.0.0.1:$hrc_port"
  hrc_pid=$SPAWNED
  wait_ready "$hrc_pid" "http://127.0.0.1:$hrc_port/graphql" "$home_hr" "$work/hrc-$scale.log"
  pglocal_say "  HeadlessReviews with the response cache: pid $hrc_pid"

  raw_port=$(free_port)
  ConnectionStrings__Reviews=$conn ASPNETCORE_ENVIRONMENT=Production \
    spawn "$work/raw-$scale.log" dotnet "$RAW_DLL" --urls "http://127.0.0.1:$raw_port"
  raw_pid=$SPAWNED
  wait_ready "$raw_pid" "http://127.0.0.1:$raw_port/home" '{}' "$work/raw-$scale.log"

  pg_port=$(free_port)
  spawn "$work/pg-$scale.log" node "$POSTGRAPHILE" --connection "postgres://postgres:$(pglocal_password)@127.0.0.1:$PGLOCAL_PORT/$db" \
    --schema rel --host 127.0.0.1 --port "$pg_port" --disable-query-log --disable-graphiql
  pg_pid=$SPAWNED
  wait_ready "$pg_pid" "http://127.0.0.1:$pg_port/graphql" '{"query":"{ allReviews(first: 1) { nodes { slug } } }"}' "$work/pg-$scale.log"
  pglocal_say "  PostGraphile: pid $pg_pid; raw: pid $raw_pid"

  # An editor's token for postComment: no rate limit applies to it.
  editor_token=$(curl -fsS -H 'content-type: application/json' -H "authorization: Bearer $admin_token" \
    --data '{"query":"mutation { createApiToken(input: { name: \"bench editor\", roles: [EDITOR] }) { secret } }"}' \
    "http://127.0.0.1:$hr_port/graphql" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data.createApiToken.secret))')

  mkdir -p "$work/bodies-$scale"
  node "$BENCH/pages.mjs" bodies "$work/targets-$scale.tsv" "$work/bodies-$scale"
  node "$BENCH/pages.mjs" check "$work/bodies-$scale" "http://127.0.0.1:$hr_port" "http://127.0.0.1:$hrc_port" "http://127.0.0.1:$pg_port" "http://127.0.0.1:$raw_port" "$editor_token"

  # The GraphQL engine alone on this scale's first review page, as HeadlessReviews answered it (before any load).
  if [[ " ${ops[*]} " == *" review "* ]]; then
    head -n 1 "$work/bodies-$scale/hr-review.txt" >"$work/floor-request-$scale.json"
    curl -fsS -H 'content-type: application/json' --data @"$work/floor-request-$scale.json" "http://127.0.0.1:$hr_port/graphql" >"$work/floor-page-$scale.json"
    pglocal_say "  the engine's floor on the review page ($((2 * floor_seconds)) s)"
    floor[$scale]=$(dotnet "$FLOOR_DLL" "$work/floor-request-$scale.json" "$work/floor-page-$scale.json" "$floor_seconds") || pglocal_die "the engine-floor run failed"
  fi

  declare -A pid_of=([hr]=$hr_pid [hrc]=$hrc_pid [pg]=$pg_pid [raw]=$raw_pid)
  declare -A url_of=([hr]=http://127.0.0.1:$hr_port [hrc]=http://127.0.0.1:$hrc_port [pg]=http://127.0.0.1:$pg_port [raw]=http://127.0.0.1:$raw_port)
  declare -A path_of=([hr]=/graphql [hrc]=/graphql [pg]=/graphql)
  run_wrk() { # contender op c seconds -> one JSON line
    local contender=$1 op=$2 c=$3 seconds=$4 path token=''
    path=${path_of[$contender]:-/$op}
    [[ $contender == hr* && $op == comment ]] && token=$editor_token
    wrk -t "$((c < 2 ? c : 2))" -c "$c" -d "${seconds}s" --timeout 10s -s "$BENCH/pages.lua" "${url_of[$contender]}" \
      -- "$work/bodies-$scale/$contender-$op.txt" "$path" "$token" | grep '^{"requests"'
  }
  # Once, before round 1: every contender past its JIT's tiering on every page, so the first measured
  # cell after a start is not the one that pays for it (the per-cell warm-up is too short for that).
  for contender in "${contenders[@]}"; do
    for op in "${ops[@]}"; do
      [[ $op == comment ]] && continue
      pglocal_say "  warming $contender: $op, ${first_warmup}s"
      run_wrk "$contender" "$op" 16 "$first_warmup" >/dev/null || pglocal_die "wrk failed (warming $op, $contender)"
    done
  done
  cells=$((rounds * ${#ops[@]} * ${#concurrency_list[@]} * ${#contenders[@]})) cell=0
  for ((round = 1; round <= rounds; round++)); do
    for op in "${ops[@]}"; do
      for c in "${concurrency_list[@]}"; do
        for contender in "${contenders[@]}"; do
          cell=$((cell + 1))
          pglocal_say "  [$scale $cell/$cells] round $round, $op, c=$c, $contender"
          run_wrk "$contender" "$op" "$c" "$warmup" >/dev/null
          if [[ $op == comment ]]; then run_wrk "$contender" home "$c" "$duration" >"$work/readers.json" & readers=$!; fi
          s0=$(ticks "${pid_of[$contender]}") p0=$(pg_ticks)
          measured=$(run_wrk "$contender" "$op" "$c" "$duration") || pglocal_die "wrk failed ($op, c=$c, $contender)"
          kill -0 "${pid_of[$contender]}" 2>/dev/null || { tail -n 30 "$work/$contender-$scale.log" >&2; pglocal_die "$contender exited during the run"; }
          s1=$(ticks "${pid_of[$contender]}") p1=$(pg_ticks)
          readers_json=null
          if [[ $op == comment ]]; then wait "$readers" || pglocal_die "the readers' wrk failed"; readers_json=$(cat "$work/readers.json"); fi
          printf '{"scale":"%s","round":%d,"op":"%s","c":%d,"contender":"%s","wrk":%s,"readers":%s,"server_cpu_s":%s,"pg_cpu_s":%s}\n' \
            "$scale" "$round" "$op" "$c" "$contender" "$measured" "$readers_json" \
            "$(awk -v a="$s0" -v b="$s1" -v h="$hz" 'BEGIN {print (b - a) / h}')" \
            "$(awk -v a="$p0" -v b="$p1" -v h="$hz" 'BEGIN {print (b - a) / h}')" >>"$results"
        done
      done
    done
  done
  rss_hr[$scale]=$(hwm_mb "$hr_pid") rss_hrc[$scale]=$(hwm_mb "$hrc_pid") rss_pg[$scale]=$(hwm_mb "$pg_pid") rss_raw[$scale]=$(hwm_mb "$raw_pid")
  stop "$hr_pid"; stop "$raw_pid"; stop "$pg_pid"

  # The stale window, once (first scale): edits through a second cached instance, readers on hrc.
  if [[ ! -f $work/stale.json ]]; then
    writer_port=$(free_port)
    ConnectionStrings__Reviews=$conn ASPNETCORE_ENVIRONMENT=Production HeadlessReviews__AdminToken=$admin_token \
    Logging__LogLevel__Default=Warning HeadlessReviews__Ide__Enabled=false HeadlessReviews__ResponseCache__Enabled=true \
      spawn "$work/writer-$scale.log" dotnet "$API_DLL" --urls "http://127.0.0.1:$writer_port"
    writer_pid=$SPAWNED
    wait_ready "$writer_pid" "http://127.0.0.1:$writer_port/graphql" "$home_hr" "$work/writer-$scale.log"
    stale_slug=$(head -n 1 "$work/targets-$scale.tsv" | cut -f 1)
    pglocal_say "  stale window: $stale_changes headline edits of $stale_slug every $stale_interval_ms ms through pid $writer_pid, readers on pid $hrc_pid"
    node "$BENCH/pages.mjs" stale "http://127.0.0.1:$writer_port" "http://127.0.0.1:$hrc_port" "$editor_token" "$stale_slug" \
      "$stale_changes" "$stale_interval_ms" 8 "$work/stale.json" || pglocal_die "the stale-window run failed"
    stop "$writer_pid"
  fi
  stop "$hrc_pid"
done

stamp=$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$BENCH/results"
base=$BENCH/results/pages-$(IFS=-; echo "${scale_list[*]}")-$stamp
json_map() { # name of an associative array -> JSON object of strings/numbers
  local -n map=$1; local k out='' sep=''
  for k in "${!map[@]}"; do out+="$sep\"$k\":\"${map[$k]}\""; sep=,; done
  echo "{$out}"
}
rss_json='{' sep=''
for scale in "${scale_list[@]}"; do rss_json+="$sep\"$scale\":{\"hr\":${rss_hr[$scale]},\"hrc\":${rss_hrc[$scale]},\"pg\":${rss_pg[$scale]},\"raw\":${rss_raw[$scale]}}"; sep=,; done
rss_json+='}'
cold_json='{' sep=''
for scale in "${scale_list[@]}"; do cold_json+="$sep\"$scale\":${cold_start[$scale]}"; sep=,; done
cold_json+='}'
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
cat >"$work/meta.json" <<JSON
{"date":"$(date -u '+%Y-%m-%d %H:%M UTC')","machine":"$machine","postgres":"PostgreSQL $pg_version (throwaway cluster, fsync off)",
 "command":"$command_line","quick":$([[ $quick == 1 ]] && echo true || echo false),"rounds":$rounds,"duration":$duration,"warmup":$warmup,"firstWarmup":$first_warmup,
 "concurrency":[$concurrency],"scales":["$(IFS=,; echo "${scale_list[*]}" | sed 's/,/","/g')"],
 "engineFloor":$(json_map floor),"sizes":$(json_map sizes),"loadSeconds":$(json_map load_seconds),"coldStart":$cold_json,"rss":$rss_json,"svgName":"${base##*/}.svg"}
JSON
node "$BENCH/pages.mjs" report "$results" "$work/meta.json" "$base.md" "$base.svg" "$work/stale.json"
cp "$work/stale.json" "$base.stale.json"
cp "$results" "$base.jsonl"
sed "s|(${base##*/}.svg)|(pages-throughput.svg)|" "$base.md" >"$BENCH/pages-results.md"
cp "$base.svg" "$BENCH/pages-throughput.svg"
pglocal_say "report: $base.md (copied to deploy/bench/pages-results.md, chart deploy/bench/pages-throughput.svg)"
cat "$base.md"
