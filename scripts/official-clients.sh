#!/usr/bin/env bash
# Installs the official Python SDKs pinned in test/fixtures/official-clients/requirements.txt into
# a venv outside the repository, once per pinned list, and prints the venv's python on stdout:
#   python="$(bash scripts/official-clients.sh)"
# Idempotent and quiet: a ready venv costs nothing; pip's output goes to a log file whose tail is
# shown only when the install fails. Needs python3 with its venv module (python3 -m venv).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PINS="$ROOT/test/fixtures/official-clients/requirements.txt"
CACHE="${PULUMI_PRIVATELINK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-privatelink}"
say() { echo "official-clients: $*" >&2; }

command -v python3 >/dev/null || { say "python3 is needed to run the official Python SDKs against the emulator (install Python 3 with its venv module; tried with 3.11)"; exit 1; }
# The pinned list and the interpreter name the venv: a new pin or a new python makes a new one.
hash="$( { cat "$PINS"; python3 --version; } | sha256sum | cut -c1-12)"
DIR="$CACHE/python-clients-$hash"
if [[ -f "$DIR/.ready" ]]; then echo "$DIR/bin/python"; exit 0; fi

mkdir -p "$CACHE"
# Serialise concurrent installs (two jest workers, or a developer beside CI).
exec 9>"$CACHE/.python-clients.lock"
flock 9
if [[ -f "$DIR/.ready" ]]; then echo "$DIR/bin/python"; exit 0; fi

LOG="$CACHE/python-clients-$hash.log"
started=$SECONDS
say "installing the official Python SDKs into $DIR (log: $LOG)"
# A venv's scripts hold its absolute path, so it is built in place; .ready, written last, marks
# it complete (a half-made one left by a killed run is removed and made again).
rm -rf "$DIR"
{
  python3 -m venv "$DIR" &&
    "$DIR/bin/python" -m pip install --disable-pip-version-check --no-input -r "$PINS" &&
    "$DIR/bin/python" -c "import huaweicloudsdkvpcep.v1, huaweicloudsdkdns.v2, alibabacloud_privatelink20200415.client, alibabacloud_pvtz20180101.client"
} >"$LOG" 2>&1 || {
  say "install failed; the end of $LOG:"
  tail -n 30 "$LOG" >&2
  rm -rf "$DIR"
  exit 1
}
touch "$DIR/.ready"
say "ready in $((SECONDS - started)) s"
echo "$DIR/bin/python"
