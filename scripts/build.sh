#!/usr/bin/env bash
# Builds dist/: compiles the package (tsc, incremental: a no-op when nothing changed), then bundles
# the native provider plugin into dist/plugin/ (scripts/bundle.ts, esbuild: well under a second),
# so that the plugin the shim runs is never older than the sources. Set-up (step 3) and
# `npm run build` run it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node node_modules/typescript/bin/tsc -p tsconfig.json
node dist/scripts/bundle.js
