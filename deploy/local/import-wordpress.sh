#!/usr/bin/env bash
# Imports a WordPress export into the local service's database (the cluster of deploy/local/run.sh):
#   deploy/local/import-wordpress.sh export.xml [--report report.json] [--dry-run] [--review-category reviews] ...
# Every option is the import-wordpress command's (see --help). With ConnectionStrings__Reviews set it
# imports into that database and starts nothing; otherwise it starts the private cluster kept in
# .local/postgres/ (as run.sh does) and stops it again afterwards, unless it was running already.
# The service may be running meanwhile: the import writes through the same database.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"
command -v dotnet >/dev/null || pglocal_die "dotnet not found: install the .NET SDK (see global.json)"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

# The file may be given relative to where the caller stands; the service runs from the repository.
args=()
for arg in "$@"; do
  if [[ $arg != -* && -f $arg ]]; then args+=("$(cd "$(dirname "$arg")" && pwd -P)/$(basename "$arg")"); else args+=("$arg"); fi
done

trap 'pglocal_reap; pglocal_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [[ -z ${ConnectionStrings__Reviews:-} ]]; then
  pglocal_local_service_database "$REPO"
fi
status=0
pglocal_spawn dotnet run --project src/HeadlessReviews.Api -c Release --no-launch-profile -- import-wordpress "${args[@]}"
wait "$PGLOCAL_CHILD" || status=$?
PGLOCAL_CHILD=
exit "$status"
