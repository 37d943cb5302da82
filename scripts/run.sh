#!/usr/bin/env bash
# Runs a command in the project's environment after making sure set-up is done:
#   bash scripts/run.sh pulumi preview --cwd examples/vpcep-cross-vpc
# When nothing changed since the last set-up (dependencies, sources, toolchain), set-up is skipped
# outright, so a warm command costs what the command costs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cache="${PULUMI_PRIVATELINK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-privatelink}"
envfile="$cache/env-$(echo "$root" | sha256sum | cut -c1-12).sh"

# True when the last set-up still holds: same dependencies, no source newer than its end, the
# toolchain it found still there.
ready() {
  local done="$root/dist/.setup-done"
  [[ -f "$envfile" && -f "$done" && -f "$root/node_modules/.setup-stamp" && -L "$root/node_modules/pulumi-privatelink" ]] || return 1
  [[ "$(cat "$root/package.json" "$root/package-lock.json" | sha256sum | cut -c1-16)" == "$(cut -d- -f1 "$root/node_modules/.setup-stamp")" ]] || return 1
  [[ -z "$(find "$root/index.ts" "$root/tsconfig.json" "$root/sdk" "$root/provider" "$root/emulator" "$root/scripts" "$root/bench" -newer "$done" \( -name '*.ts' -o -name '*.json' -o -name '*.go' -o -name '*.sh' -o -name 'pulumi-language-python-exec' \) -print -quit 2>/dev/null)" ]] || return 1
  # shellcheck disable=SC1090
  source "$envfile"
  [[ -x "$PRIVATELINK_PULUMI_BIN/pulumi" && -x "$PRIVATELINK_NODE_BIN/node" && -x "$PRIVATELINK_HOST_BIN/pulumi-language-nodejs" && -x "${PRIVATELINK_PYTHON_HOST_BIN:-/nonexistent}/pulumi-language-python" ]] || return 1
  # The Go host: named by every set-up since it came (empty when there is no Go on the machine).
  [[ -n "${PRIVATELINK_GO_HOST_BIN+set}" ]] && { [[ -z "$PRIVATELINK_GO_HOST_BIN" ]] || [[ -x "$PRIVATELINK_GO_HOST_BIN/pulumi-language-go" ]]; }
}

ready || bash "$here/setup.sh"
source "$here/env.sh"
exec "$@"
