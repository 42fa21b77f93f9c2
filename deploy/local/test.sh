#!/usr/bin/env bash
# Runs every test suite against a throwaway PostgreSQL cluster:
#   1. dotnet test HeadlessReviews.sln (unit, integration, snapshots)
#   2. tests/conformance/run.sh, once tests/conformance/package.json exists
#   3. deploy/local/fault-test.sh (PostgreSQL stopped for 10 s under load; a cluster of its own)
#   4. the benchmark's own projects build (deploy/bench/Loader and Raw: not in the solution)
#   5. deploy/k8s/validate/run.sh (the Kubernetes manifests against the API schemas, offline)
# The cluster lives in a fresh temporary folder that is removed afterwards, also on
# failure and Ctrl-C. Every suite runs even when an earlier one fails. The last line is
# "N passed, N failed, N skipped"; the exit status is non-zero if anything failed.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"

command -v dotnet >/dev/null || pglocal_die "dotnet not found: install the .NET SDK (see global.json)"

cleanup() {
  local status=$?
  trap '' INT TERM   # let the clean-up finish even if Ctrl-C is pressed again
  pglocal_reap       # a suite still running (interrupted)
  pglocal_stop
  pglocal_throwaway_remove "$REPO"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the throwaway cluster -------------------------------------------------------------
pglocal_throwaway test "$REPO"
work=$PGLOCAL_WORK
# The test fixture creates its own databases; it connects to "postgres" to do so.
ConnectionStrings__Reviews=$(pglocal_connection_string postgres)
export ConnectionStrings__Reviews
pglocal_say "PostgreSQL for the tests: 127.0.0.1:$PGLOCAL_PORT ($("$PGLOCAL_BIN/postgres" --version))"

# --- the suites --------------------------------------------------------------------------
passed=0 failed=0 skipped=0 suites=0 status=0

# run_suite NAME COMMAND...: runs it (output shown and kept in a log), in its own process
# group so an interrupt stops all it started; sets suite_status and suite_log.
run_suite() {
  local name=$1
  shift
  suite_log=$work/$name.log
  suites=$((suites + 1))
  pglocal_say ""
  pglocal_say "=== $name: $*"
  # shellcheck disable=SC2016 # expanded by the inner bash
  pglocal_spawn bash -c '"$@" 2>&1 | tee "$0"; exit "${PIPESTATUS[0]}"' "$suite_log" "$@"
  suite_status=0
  wait "$PGLOCAL_CHILD" || suite_status=$?
  PGLOCAL_CHILD=
  [[ $suite_status == 0 ]] || status=1
}

# add_counts P F S: adds a suite's counts. A suite that failed without reporting a failed
# test (a build error, a crash) counts as one failure, so a red run never reads "0 failed".
add_counts() {
  local p=${1:-0} f=${2:-0} s=${3:-0}
  if [[ $suite_status != 0 && $f == 0 ]]; then
    pglocal_say "$suite_name exited with status $suite_status without reporting a failed test: counted as 1 failure"
    f=1
  fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

# dotnet test prints one line per test assembly:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ...
# (and, with the terminal logger, "Test summary: total: 12, failed: 0, succeeded: 12, skipped: 0").
dotnet_counts() {
  awk '
    /(Passed|Failed)! +- +Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+/ {
      line = $0; gsub(/[^0-9,]/, "", line); split(line, n, ",")   # Failed, Passed, Skipped, Total
      f += n[1]; p += n[2]; s += n[3]; next
    }
    /Test summary: total: [0-9]+, failed: [0-9]+, succeeded: [0-9]+, skipped: [0-9]+/ {
      line = $0; sub(/.*Test summary: /, "", line); gsub(/[^0-9,]/, "", line); split(line, n, ",")
      f += n[2]; p += n[3]; s += n[4]
    }
    END { print p + 0, f + 0, s + 0 }' "$1"
}

# The conformance runner ends with the same plain line this script prints; take its last one.
plain_counts() {
  sed -E 's/\x1b\[[0-9;]*m//g' "$1" |
    awk 'match($0, /([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?[[:space:]]*$/) {
           line = substr($0, RSTART); gsub(/[^0-9,]/, "", line); c = split(line, n, ",")
           p = n[1]; f = n[2]; s = (c > 2 ? n[3] : 0)
         }
         END { print p + 0, f + 0, s + 0 }'
}

suite_name="dotnet test"
run_suite dotnet-test dotnet test HeadlessReviews.sln -c Release
# shellcheck disable=SC2046 # three numbers
add_counts $(dotnet_counts "$suite_log")

if [[ -f tests/conformance/package.json ]]; then
  suite_name="conformance"
  run_suite conformance bash tests/conformance/run.sh
  # shellcheck disable=SC2046
  add_counts $(plain_counts "$suite_log")
fi

# Its own cluster, stopped and started on purpose while the service is under load.
suite_name="fault test"
run_suite fault-test bash deploy/local/fault-test.sh
# shellcheck disable=SC2046
add_counts $(plain_counts "$suite_log")

# The benchmark's loader and raw endpoint compile against the service: a rename must not break them unseen.
suite_name="benchmark builds"
run_suite bench-build bash -c 'dotnet build deploy/bench/Loader -c Release -nologo -v q && dotnet build deploy/bench/Raw -c Release -nologo -v q'
if [[ $suite_status == 0 ]]; then add_counts 2 0 0; else add_counts 0 0 0; fi

# Offline and quick: the manifests against the Kubernetes API schemas, and broken ones refused.
suite_name="k8s manifests"
run_suite k8s-manifests bash deploy/k8s/validate/run.sh
# shellcheck disable=SC2046
add_counts $(plain_counts "$suite_log")

echo ""
if ((passed + failed + skipped == 0)); then
  pglocal_say "error: no test ran"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
