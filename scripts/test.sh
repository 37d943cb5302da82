#!/usr/bin/env bash
# The whole suite: the formatter and the linter (biome), type-check everything (tests included),
# then jest. Extra arguments go to jest.
# Ends with one plain line "tests: N passed, N failed" for readers that look for it.
set -uo pipefail
biome check --diagnostic-level=error . || { echo "formatting or lint errors: npm run format fixes what it can" >&2; exit 1; }
tsc -p tsconfig.test.json || exit $?
report="$(mktemp)"
jest --json --outputFile="$report" "$@"
code=$?
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$report" 2>/dev/null || true
rm -f "$report"
exit $code
