#!/usr/bin/env bash
# Runs the Node conformance suites (reference clients, audit suites) against a live instance of
# the service: builds it, starts it on a free loopback port against ConnectionStrings__Reviews
# (deploy/local/test.sh provides a throwaway cluster), runs `node --test`, stops it. Installs
# Debian's Chromium with apt when missing (the IDE's browser test).
# Ends with one plain line "conformance: N passed, N failed".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
: "${ConnectionStrings__Reviews:?set it to a PostgreSQL database (deploy/local/test.sh does)}"

command -v node >/dev/null || { echo "error: Node 20 is needed for the conformance suites" >&2; exit 1; }

# The IDE's browser test drives Debian's Chromium (ide.test.js); install it when it is missing.
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM_PATH ]]; then
  sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "error: Chromium is needed for the IDE test: install Debian's 'chromium' package (as root) or set CHROMIUM_PATH" >&2; exit 1; }
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || { echo "error: Chromium is needed for the IDE test and apt-get is not available: install Chromium and set CHROMIUM_PATH" >&2; exit 1; }
  echo "Chromium not found: installing Debian's 'chromium' package with apt..." >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >&2
fi

cd "$HERE"
npm ci --no-audit --no-fund --loglevel=error

dotnet build "$REPO/src/HeadlessReviews.Api" -c Release --nologo -v quiet
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export HEADLESSREVIEWS_URL="http://127.0.0.1:$port"
# A bootstrap admin secret for this run only (letters, digits, _ and -; 17..199 characters), for the
# suites that publish through mutations.
HEADLESSREVIEWS_ADMIN_TOKEN="conformance_admin_$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")"
export HEADLESSREVIEWS_ADMIN_TOKEN

log=$(mktemp)
ASPNETCORE_ENVIRONMENT=Development HeadlessReviews__SeedDemoData=true HeadlessReviews__AdminToken="$HEADLESSREVIEWS_ADMIN_TOKEN" \
  dotnet "$REPO/src/HeadlessReviews.Api/bin/Release/net10.0/HeadlessReviews.Api.dll" --urls "$HEADLESSREVIEWS_URL" >"$log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; rm -f "$log"' EXIT

for _ in $(seq 1 120); do
  curl -fsS "$HEADLESSREVIEWS_URL/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { cat "$log" >&2; echo "error: the service stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$HEADLESSREVIEWS_URL/health/ready" >/dev/null || { cat "$log" >&2; echo "error: the service never became ready" >&2; exit 1; }

status=0
node --test --test-reporter=spec ./*.test.js | tee "$log.out" || status=$?
passed=$(sed -nE 's/^[^a-z]*pass ([0-9]+)$/\1/p' "$log.out" | tail -n 1)
failed=$(sed -nE 's/^[^a-z]*fail ([0-9]+)$/\1/p' "$log.out" | tail -n 1)
rm -f "$log.out"
echo "conformance: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
