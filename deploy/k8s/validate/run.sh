#!/usr/bin/env bash
# Validates deploy/k8s against the Kubernetes API schemas, offline (validate.mjs), with the
# tests that show each kind of mistake refused (validate.test.mjs). Run by deploy/local/test.sh.
# Ends with one plain line "k8s manifests: N passed, N failed, N skipped".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
cd "$HERE"
command -v node >/dev/null || { echo "error: Node 20 is needed to validate the Kubernetes manifests" >&2; exit 1; }

# npm ci only when the installed packages are older than the lock file: the suite stays fast.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

status=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
node --test --test-reporter=spec validate.test.mjs | tee "$out" || status=$?
# node's spec reporter ends with "ℹ pass N", "ℹ fail N", "ℹ skipped N".
count() { sed -nE "s/^[^a-z]*$1 ([0-9]+)\$/\\1/p" "$out" | tail -n 1; }
passed=$(count pass) failed=$(count fail) skipped=$(count skipped)
echo "k8s manifests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
