#!/usr/bin/env bash
# Runs every test CI runs, in order, and ends with one line "N passed, N failed".
# Steps keep going after a failure so that one run reports everything.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
rm -rf reports && mkdir -p reports
checks=()
step() { echo; echo "::: $1"; }
record() { # name rc
  if [ "$2" -eq 0 ]; then checks+=("$1:pass"); else checks+=("$1:fail"); fi
}

step "typecheck (app + engine without DOM)"
npx tsc --noEmit -p tsconfig.json; rc1=$?
npx tsc --noEmit -p src/engine/tsconfig.json; rc2=$?
record typecheck $(( rc1 || rc2 ))

step "lint"
npx eslint --max-warnings 0 .; record lint $?

step "unit, conformance, determinism and fuzz tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json; record unit $?

step "production build"
npx vite build; build_rc=$?; record build $build_rc

if [ $build_rc -eq 0 ]; then
  step "end-to-end tests (Playwright + Debian Chromium against vite preview)"
  npx playwright test; record e2e $?
else
  echo "skipping e2e: the build failed"
  checks+=("e2e:fail")
fi

step "summary"
node scripts/summarize.mjs "${checks[@]}"
