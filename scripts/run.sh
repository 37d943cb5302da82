#!/usr/bin/env bash
# Runs a command in the project's environment after making sure set-up is done:
#   bash scripts/run.sh pulumi preview --cwd examples/vpcep-cross-vpc
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh"
source "$here/env.sh"
exec "$@"
