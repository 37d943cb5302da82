#!/usr/bin/env bash
# Builds the pinned Pulumi CLI and this project's Node.js, Python and Go language hosts from Go modules
# into a cache outside the repository. The official installers download release binaries, which cannot
# work here; the CLI is a Go module, so it is built from source through the Go module proxy.
# Usage: pulumi-build.sh VERSION DEST_DIR [cli|host|python-host|go-host]...   (results in DEST_DIR/bin)
set -euo pipefail
version="$1"; dest="$2"; shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v go >/dev/null || { echo "setup: Go is needed to build the Pulumi CLI $version (no suitable 'pulumi' on PATH)" >&2; exit 1; }
work="$dest/src"
mkdir -p "$work/langhost" "$work/pyhost" "$work/gohost" "$work/languagehost" "$dest/bin"
cd "$work"
# A wrapper module: 'go install …/cmd/pulumi@version' refuses modules with replace directives, so
# require pkg/v3 and sdk/v3 at the same version and copy the one replace the CLI needs.
cat > go.mod <<MOD
module pulumi-privatelink/toolchain

go 1.25

require (
	github.com/pulumi/pulumi/pkg/v3 $version
	github.com/pulumi/pulumi/sdk/v3 $version
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
cp "$here/language-host/main.go" langhost/main.go
cp "$here/language-host-python/main.go" pyhost/main.go
cp "$here/language-host-go/main.go" gohost/main.go
# What the hosts share, as the package pulumi-privatelink/toolchain/languagehost they import.
rm -f languagehost/*.go
cp "$here/language-host-shared/"*.go languagehost/
export GOFLAGS=-mod=mod
# The Go tools' own output (hundreds of "go: downloading" lines) goes to a log; the terminal gets
# one line per phase, and the log's end when a phase fails.
log="$dest/build.log"
: > "$log"
phase() {
  local what="$1"; shift
  local t=$SECONDS
  echo "setup: $what" >&2
  if ! "$@" >>"$log" 2>&1; then
    echo "setup: failed: $what. The last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  echo "setup:   done in $((SECONDS - t)) s" >&2
}
# Stamp the version: without it `pulumi version` is empty and the Automation API refuses to run.
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
[[ -f go.sum ]] || phase "downloading the Pulumi CLI's Go modules (the first time only; a few minutes)" go mod tidy
for what in "$@"; do
  case "$what" in
    cli)
      phase "building the Pulumi CLI $version from Go modules (once per machine, about 5 minutes on 2 cores; cached in $dest)" \
        go build -trimpath -ldflags "$ldflags" -o "$dest/bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
      mv "$dest/bin/pulumi.tmp" "$dest/bin/pulumi" ;;
    host)
      phase "building the Node.js language host (under a minute)" \
        go build -trimpath -ldflags "$ldflags" -o "$dest/bin/pulumi-language-nodejs.tmp" ./langhost
      mv "$dest/bin/pulumi-language-nodejs.tmp" "$dest/bin/pulumi-language-nodejs" ;;
    python-host)
      # The host runs programs through the runner beside it (as upstream's host does).
      phase "building the Python language host (under a minute)" \
        go build -trimpath -ldflags "$ldflags" -o "$dest/bin/pulumi-language-python.tmp" ./pyhost
      install -m 755 "$here/language-host-python/pulumi-language-python-exec" "$dest/bin/pulumi-language-python-exec"
      mv "$dest/bin/pulumi-language-python.tmp" "$dest/bin/pulumi-language-python" ;;
    go-host)
      phase "building the Go language host (under a minute)" \
        go build -trimpath -ldflags "$ldflags" -o "$dest/bin/pulumi-language-go.tmp" ./gohost
      mv "$dest/bin/pulumi-language-go.tmp" "$dest/bin/pulumi-language-go" ;;
  esac
done
