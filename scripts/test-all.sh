#!/usr/bin/env bash
# Every test of the project, in order: types, unit, integration against the real sandbox, e2e in Chromium.
# Installs what is missing first, so it works on a fresh clone. Exits non-zero if anything fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NEXT_TELEMETRY_DISABLED=1 CI="${CI:-1}"

bash scripts/setup.sh || exit 1
# Every step below on the project's Node 24 (the `node` dev dependency), even when this script is run without npm.
export PATH="$PWD/node_modules/.bin:$PATH"
# Not test-results/: Playwright empties that folder when it starts.
rm -rf .test-reports && mkdir -p .test-reports

status=0
step() {
  printf '\n\033[1m==> %s\033[0m\n' "$1"
  shift
  "$@" || status=1
}
step "Type check" npx tsc --noEmit
step "Unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json
step "Integration tests (real processes, real Redis)" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.test-reports/integration.json
step "End-to-end tests (Chromium)" npx playwright test

node scripts/test-summary.mjs .test-reports/unit.json .test-reports/integration.json .test-reports/e2e.json || status=1
exit $status
