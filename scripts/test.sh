#!/usr/bin/env bash
# The whole suite: type-check everything (tests included), then jest. Extra arguments go to jest.
set -euo pipefail
tsc -p tsconfig.test.json
exec jest "$@"
