#!/usr/bin/env bash
# Runs HeadlessReviews locally: GraphQL at http://localhost:5080/graphql.
#
# With ConnectionStrings__Reviews set, it only runs the service. Without it, it starts a
# private PostgreSQL cluster kept in .local/postgres/ (git-ignored; data kept between runs)
# and stops it again when the service stops (Ctrl-C or SIGTERM).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"

command -v dotnet >/dev/null || pglocal_die "dotnet not found: install the .NET SDK (see global.json)"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export HeadlessReviews__SeedDemoData=${HeadlessReviews__SeedDemoData:-true}

# An explicit ASPNETCORE_URLS wins; otherwise listen where the README says.
url_args=()
if [[ -z ${ASPNETCORE_URLS:-} ]]; then
  url_args=(--urls http://localhost:5080)
  first_url=http://localhost:5080
else
  first_url=${ASPNETCORE_URLS%%;*}
  # A wildcard host is not something a browser can open.
  first_url=$(sed -E 's#://(\*|\+|0\.0\.0\.0|\[::\])#://localhost#' <<<"$first_url")
fi

stopping=0
stop_all() {
  stopping=1
  trap '' INT TERM   # a second Ctrl-C must not cut the clean-up short
  pglocal_reap       # the service first, while its database is still there
  pglocal_stop
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

if [[ -z ${ConnectionStrings__Reviews:-} ]]; then
  pglocal_local_service_database "$REPO"
  pglocal_say "PostgreSQL: 127.0.0.1:$PGLOCAL_PORT, database headlessreviews (data in $PGLOCAL_HOME/data)"
fi

pglocal_say "Starting HeadlessReviews: GraphQL at ${first_url%/}/graphql (open it in a browser for the IDE; Ctrl-C stops)"

# Not exec: the traps above must run when the service stops. --no-launch-profile keeps a
# launchSettings.json from overriding the environment set here.
pglocal_spawn dotnet run --project src/HeadlessReviews.Api -c Release --no-launch-profile -- "${url_args[@]}"
status=0
wait "$PGLOCAL_CHILD" || status=$?
PGLOCAL_CHILD=
[[ $stopping == 1 ]] || pglocal_say "HeadlessReviews exited with status $status"
exit "$status"
