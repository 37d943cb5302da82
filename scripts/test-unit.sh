#!/usr/bin/env bash
# The fast suite, for the edit-test loop: the formatter and the linter, the type check of
# everything (tests included), and every test that does not start the Pulumi CLI — the sdk, the
# provider's engine against the emulator, the emulator's contract, the docs and the bad-input
# corpus. Under a minute; `npm test` runs these and the rest (end to end, chaos, bench).
#
# Test files under those folders that use harness/pulumi-program.ts are left to `npm test`,
# and a `pulumi` placed first on PATH fails the run if any other test starts the CLI by name.
# Extra arguments go to jest (`-t NAME`, …); `--coverage` adds the coverage of sdk/, provider/
# and emulator/, one line per area at the end (npm run test:coverage).
# Ends with one plain line "tests: N passed, N failed", as scripts/test.sh does.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
biome check --diagnostic-level=error . || { echo "formatting or lint errors: npm run format fixes what it can" >&2; exit 1; }

areas=(test/sdk test/provider test/emulator test/docs test/corpus)
# Test files there that drive the CLI through harness/pulumi-program.ts are npm test's.
mapfile -t cli < <(grep -rl --include='*.test.ts' 'harness/pulumi-program' "${areas[@]}")

[[ " $* " == *" --coverage "* ]] && rm -f coverage/coverage-summary.json
guard="$(mktemp -d)"
report="$guard/report.json"
trap 'rm -rf "$guard"' EXIT
cat >"$guard/pulumi" <<EOF
#!/bin/sh
echo "pulumi \$*" >>"$guard/calls"
echo "the unit suite does not run the Pulumi CLI (pulumi \$*): a test that needs it belongs in test/e2e" >&2
exit 1
EOF
chmod +x "$guard/pulumi"

# The type check runs beside jest: jest's tests mostly wait on timers and the emulator.
tsc -p tsconfig.test.json &
typecheck=$!
# Six workers on two cores for the same reason (the slowest files, the round trips and lost
# answers, wait 15-35 s each; jest starts them first).
PATH="$guard:$PATH" jest --maxWorkers=6 --json --outputFile="$report" "$@" --testPathIgnorePatterns /node_modules/ "${cli[@]}" -- "${areas[@]}"
code=$?
wait "$typecheck" || { echo "type errors (above)" >&2; code=1; }
if [[ -s "$guard/calls" ]]; then
  echo "a test started the Pulumi CLI:" >&2
  sed 's/^/  /' "$guard/calls" >&2
  code=1
fi

node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$report" 2>/dev/null || true
# With --coverage: one line per area from jest's json-summary (jest.config.js).
if [[ " $* " == *" --coverage "* && -f coverage/coverage-summary.json ]]; then
  node -e '
    const s = JSON.parse(require("fs").readFileSync("coverage/coverage-summary.json", "utf8"));
    const root = process.cwd() + "/";
    const pct = (c, t) => (t ? ((100 * c) / t).toFixed(1).padStart(5) + " %" : "    - ");
    console.log("coverage     statements   branches  functions      lines");
    for (const area of ["sdk/", "provider/", "emulator/"]) {
      const sum = { statements: [0, 0], branches: [0, 0], functions: [0, 0], lines: [0, 0] };
      for (const [file, m] of Object.entries(s)) {
        if (!file.startsWith(root + area)) continue;
        for (const k of Object.keys(sum)) { sum[k][0] += m[k].covered; sum[k][1] += m[k].total; }
      }
      console.log(area.padEnd(12) + Object.values(sum).map(([c, t]) => pct(c, t).padStart(11)).join(""));
    }'
fi
exit $code
