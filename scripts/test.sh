#!/usr/bin/env bash
# npm test: typecheck and lint, then every package's tests one package at a
# time (each package's vitest output as it runs), then one closing line with
# the totals. Fails when any step or any test fails, or when no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1
turbo run typecheck lint || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
turbo run test --concurrency=1 --continue 2>&1 | tee "$log" || status=$?
node scripts/test-summary.js "$log" || status=1
exit "$status"
