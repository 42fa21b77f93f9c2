#!/usr/bin/env bash
# The import benchmark of issue 17: a deterministic export (generate.mjs; default 10,000 review posts with
# 250,000 comments, about 220 MB) imported by `import-wordpress` (Release, Production) into an empty database
# of a throwaway PostgreSQL cluster; prints the wall time, the peak memory (RSS) of the import and its summary.
#   deploy/bench/wxr/import.sh [--posts N] [--comments N]
# Everything it starts (the cluster) is stopped, and its files removed, when it ends.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
# shellcheck source=deploy/local/postgres.sh
source "$REPO/deploy/local/postgres.sh"
cd "$REPO"
posts=10000 comments=250000
while [[ $# -gt 0 ]]; do
  case $1 in
    --posts) posts=$2; shift 2 ;;
    --comments) comments=$2; shift 2 ;;
    *) pglocal_die "unknown option $1 (usage: import.sh [--posts N] [--comments N])" ;;
  esac
done
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cleanup() { pglocal_reap; pglocal_stop; pglocal_throwaway_remove "$REPO"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pglocal_throwaway bench-import "$REPO"
pglocal_createdb headlessreviews
export ConnectionStrings__Reviews
ConnectionStrings__Reviews=$(pglocal_connection_string headlessreviews)
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

export_file=$PGLOCAL_WORK/export.xml
node deploy/bench/wxr/generate.mjs --out "$export_file" --posts "$posts" --comments "$comments"
dotnet publish src/HeadlessReviews.Api -c Release -o "$PGLOCAL_WORK/app" -nologo -v q >/dev/null
dotnet "$PGLOCAL_WORK/app/HeadlessReviews.Api.dll" migrate >/dev/null

pglocal_say "Importing $(du -h "$export_file" | cut -f1) ($posts posts, $comments comments)…"
/usr/bin/time -f "import: %e s wall, %M KB peak RSS" -o "$PGLOCAL_WORK/time.txt" \
  dotnet "$PGLOCAL_WORK/app/HeadlessReviews.Api.dll" import-wordpress "$export_file" --report "$PGLOCAL_WORK/report.json" \
  >"$PGLOCAL_WORK/summary.txt"
cat "$PGLOCAL_WORK/summary.txt"
cat "$PGLOCAL_WORK/time.txt"
