#!/usr/bin/env bash
# Sets up everything the project needs, idempotently, and prints nothing when all is in place:
#   1. Node.js >= 22 (installs Node $NODE_VERSION from the npm registry when the machine's is older)
#   2. the npm dependencies (npm ci when package-lock.json changed)
#   3. the compiled package (tsc, incremental) and the plugin's bundle (scripts/build.sh)
#   4. the Pulumi CLI and the Node.js language host (a suitable `pulumi` on PATH, else built
#      from Go modules into a cache outside the repository, reused by later runs)
#   5. the YAML, Python and Go language hosts, the virtualenv Python programs run in, and the Go
#      build cache warmed for Go programs
#   6. the SDK generators (scripts/sdkgen, scripts/sdkgen-dotnet), built from Go modules into the same cache
#   7. versitygw, the S3-compatible server the tests keep Pulumi state in (harness/s3.ts), likewise
# Source scripts/env.sh afterwards (scripts/run.sh does both) to get the environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/versions.sh"
CACHE="${PULUMI_PRIVATELINK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-privatelink}"
mkdir -p "$CACHE"
started=$SECONDS
say() { echo "setup: $*" >&2; }

# Serialise concurrent set-ups on one machine (two terminals, or CI beside a developer).
exec 9>"$CACHE/.lock"
flock 9

# 1. Node.js
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
NODE_DIR="$CACHE/node-$NODE_VERSION"
if [[ -x "$NODE_DIR/node_modules/node/bin/node" ]]; then
  NODE_BIN="$NODE_DIR/node_modules/node/bin"
elif command -v node >/dev/null && (( $(node_major node) >= 22 )); then
  NODE_BIN="$(dirname "$(command -v node)")"
else
  say "installing Node.js $NODE_VERSION (the machine's node is $(node --version 2>/dev/null || echo missing); >= 22 is needed)"
  command -v npm >/dev/null || { say "npm is needed to install Node.js $NODE_VERSION"; exit 1; }
  rm -rf "$NODE_DIR.tmp"; mkdir -p "$NODE_DIR.tmp"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$NODE_DIR.tmp" "node@$NODE_VERSION" >&2
  "$NODE_DIR.tmp/node_modules/node/bin/node" --version >/dev/null
  rm -rf "$NODE_DIR"; mv "$NODE_DIR.tmp" "$NODE_DIR"
  NODE_BIN="$NODE_DIR/node_modules/node/bin"
fi
export PATH="$NODE_BIN:$PATH"

# 2. npm dependencies, reinstalled when package.json or the lock file changed
cd "$ROOT"
stamp_of() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -c1-16; }
want="$(stamp_of)-$(node --version)"
if [[ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$want" ]]; then
  say "installing npm dependencies"
  # `npm install` follows package-lock.json; `npm ci` is not used because npm 11 writes lock files
  # without the other platforms' optional packages (@swc/core-*) and then refuses them in `ci`.
  npm install --no-audit --no-fund --loglevel=error >&2
  echo "$(stamp_of)-$(node --version)" > node_modules/.setup-stamp
fi
# Programs in this repository (the demo, examples/) import the package by its name, as users do.
if [[ "$(readlink node_modules/pulumi-privatelink 2>/dev/null)" != ".." ]]; then
  rm -rf node_modules/pulumi-privatelink; ln -s .. node_modules/pulumi-privatelink
fi

# 3. compile (incremental: a no-op when nothing changed), then bundle the native plugin
bash "$ROOT/scripts/build.sh"

# 4. Pulumi CLI and language host
PULUMI_DIR="$CACHE/pulumi-$PULUMI_VERSION"
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" == "$2" ]]; }
PULUMI_BIN=""
if [[ -x "$PULUMI_DIR/bin/pulumi" ]]; then
  PULUMI_BIN="$PULUMI_DIR/bin"
elif command -v pulumi >/dev/null; then
  have="$(PULUMI_SKIP_UPDATE_CHECK=true pulumi version 2>/dev/null | sed 's/^v//')"
  if [[ -n "$have" ]] && version_ge "$have" "$PULUMI_MIN_VERSION"; then PULUMI_BIN="$(dirname "$(command -v pulumi)")"; fi
fi
if [[ -z "$PULUMI_BIN" ]]; then
  t=$SECONDS
  bash "$ROOT/scripts/pulumi-build.sh" "$PULUMI_VERSION" "$PULUMI_DIR" cli
  say "built the Pulumi CLI in $((SECONDS - t)) s"
  PULUMI_BIN="$PULUMI_DIR/bin"
fi
# The language host: the one beside the CLI when there is one, else this project's (rebuilt when
# its source changes).
HOST_BIN="$PULUMI_BIN"
if [[ "$PULUMI_BIN" == "$PULUMI_DIR/bin" || ! -x "$PULUMI_BIN/pulumi-language-nodejs" ]]; then
  HOST_BIN="$PULUMI_DIR/bin"
  host_stamp="$(cat "$ROOT/scripts/language-host/main.go" "$ROOT/scripts/language-host-shared/"*.go | sha256sum | cut -c1-16)"
  if [[ "$(cat "$HOST_BIN/.host-stamp" 2>/dev/null)" != "$host_stamp" || ! -x "$HOST_BIN/pulumi-language-nodejs" ]]; then
    bash "$ROOT/scripts/pulumi-build.sh" "$PULUMI_VERSION" "$PULUMI_DIR" host
    echo "$host_stamp" > "$HOST_BIN/.host-stamp"
  fi
fi

# The YAML language host, for YAML programs (the native provider's): the CLI's own when its
# distribution ships one, else built from Go modules like the CLI (once per machine, a few minutes).
YAML_BIN="$PULUMI_BIN"
if [[ ! -x "$PULUMI_BIN/pulumi-language-yaml" ]]; then
  YAML_BIN="$CACHE/pulumi-yaml-$PULUMI_YAML_VERSION/bin"
  if [[ ! -x "$YAML_BIN/pulumi-language-yaml" ]]; then
    command -v go >/dev/null || { say "Go is needed to build the YAML language host $PULUMI_YAML_VERSION"; exit 1; }
    t=$SECONDS
    say "building the YAML language host $PULUMI_YAML_VERSION from Go modules (once per machine, about 4 minutes on 2 cores)"
    mkdir -p "$YAML_BIN.tmp"
    if ! (cd "$YAML_BIN.tmp" && GOFLAGS=-mod=mod GOBIN="$YAML_BIN.tmp" go install "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$PULUMI_YAML_VERSION") > "$CACHE/pulumi-yaml-build.log" 2>&1; then
      say "failed: building the YAML language host. The last lines of $CACHE/pulumi-yaml-build.log:"; tail -n 20 "$CACHE/pulumi-yaml-build.log" >&2; exit 1
    fi
    rm -rf "$YAML_BIN"; mv "$YAML_BIN.tmp" "$YAML_BIN"
    say "built the YAML language host in $((SECONDS - t)) s"
  fi
fi

# The Python language host, for Python programs: the CLI's own when its distribution ships one,
# else this project's (scripts/language-host-python), built into a cache entry named by a hash of
# its sources and the CLI version, so that two checkouts with different sources never share one.
PYTHON_HOST_BIN="$PULUMI_BIN"
PYTHON_VENV=""
if [[ ! -x "$PULUMI_BIN/pulumi-language-python" ]]; then
  py_key="$(cat "$ROOT/scripts/language-host-python/main.go" "$ROOT/scripts/language-host-shared/"*.go "$ROOT/scripts/language-host-python/pulumi-language-python-exec" <(echo "$PULUMI_VERSION") | sha256sum | cut -c1-12)"
  PYTHON_HOST_BIN="$CACHE/python-host-$py_key/bin"
  if [[ ! -x "$PYTHON_HOST_BIN/pulumi-language-python" ]]; then
    t=$SECONDS
    bash "$ROOT/scripts/pulumi-build.sh" "$PULUMI_VERSION" "$CACHE/python-host-$py_key" python-host
    say "built the Python language host in $((SECONDS - t)) s"
  fi
  # Programs without runtime options run in one virtualenv per machine with the `pulumi` package
  # of the CLI's version and what the Python SDK needs besides (the host reads its path from
  # PULUMI_PRIVATELINK_PYTHON_VENV). Without a python3 the host is still installed: it says at run
  # time that Python is missing.
  if command -v python3 >/dev/null; then
    py_version="$(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
    # Named by the pins besides `pulumi` too (scripts/python-requirements.txt): a change makes a new one.
    py_reqs="$ROOT/scripts/python-requirements.txt"
    PYTHON_VENV="$CACHE/python-venv-pulumi${PULUMI_VERSION#v}-py$py_version-$(sha256sum "$py_reqs" | cut -c1-12)"
    if [[ ! -f "$PYTHON_VENV/.ready" ]]; then
      t=$SECONDS
      say "creating the virtualenv for Python programs (pulumi==${PULUMI_VERSION#v} and scripts/python-requirements.txt, Python $py_version; once per machine)"
      rm -rf "$PYTHON_VENV"
      # A virtualenv cannot be moved once made, so it is made in place and marked ready at the end.
      if ! { python3 -m venv "$PYTHON_VENV" && "$PYTHON_VENV/bin/python" -m pip install --disable-pip-version-check --no-input "pulumi==${PULUMI_VERSION#v}" -r "$py_reqs"; } > "$CACHE/python-venv.log" 2>&1; then
        say "failed: creating the virtualenv for Python programs. The last lines of $CACHE/python-venv.log:"; tail -n 20 "$CACHE/python-venv.log" >&2; exit 1
      fi
      touch "$PYTHON_VENV/.ready"
      say "created the virtualenv in $((SECONDS - t)) s"
    fi
  else
    say "python3 is not on PATH: Python programs will not run (the others do)"
  fi
fi

# The Go language host, for Go programs: the CLI's own when its distribution ships one, else this
# project's (scripts/language-host-go; upstream's Go module is refused by the module proxy), built
# into a cache entry named by a hash of its sources and the CLI version, as the Python host is.
GO_HOST_BIN="$PULUMI_BIN"
if [[ ! -x "$PULUMI_BIN/pulumi-language-go" ]] && command -v go >/dev/null; then
  go_key="$(cat "$ROOT/scripts/language-host-go/main.go" "$ROOT/scripts/language-host-shared/"*.go <(echo "$PULUMI_VERSION") | sha256sum | cut -c1-12)"
  GO_HOST_BIN="$CACHE/go-host-$go_key/bin"
  if [[ ! -x "$GO_HOST_BIN/pulumi-language-go" ]]; then
    t=$SECONDS
    bash "$ROOT/scripts/pulumi-build.sh" "$PULUMI_VERSION" "$CACHE/go-host-$go_key" go-host
    say "built the Go language host in $((SECONDS - t)) s"
  fi
  # The host builds a program with `go build` on every run. The first build against the Pulumi Go
  # SDK compiles it and its dependencies (64 s on 2 busy cores with an empty Go build cache); every
  # later one reuses them from the Go build cache and only compiles the program and links (2-3 s).
  # So set-up builds the Go example once per machine (and again when the Go SDK's go.mod changes),
  # which fills the Go build cache for every Go program on the same Pulumi Go SDK.
  go_warm="$CACHE/go-build-warm-$(cat "$ROOT/examples/vpcep-cross-vpc-go/go.mod" "$ROOT/sdks/go/go.mod" <(go version) | sha256sum | cut -c1-12)"
  if [[ ! -f "$go_warm" ]]; then
    t=$SECONDS
    say "compiling the Pulumi Go SDK into the Go build cache (once per machine, about a minute on 2 cores)"
    if ! (cd "$ROOT/examples/vpcep-cross-vpc-go" && GOFLAGS="-mod=mod -buildvcs=false" go build -o /dev/null .) > "$CACHE/go-build-warm.log" 2>&1; then
      say "failed: building examples/vpcep-cross-vpc-go. The last lines of $CACHE/go-build-warm.log:"; tail -n 20 "$CACHE/go-build-warm.log" >&2; exit 1
    fi
    touch "$go_warm"
    say "compiled the Pulumi Go SDK in $((SECONDS - t)) s"
  fi
elif [[ ! -x "$PULUMI_BIN/pulumi-language-go" ]]; then
  GO_HOST_BIN=""
  say "Go is not on PATH: Go programs will not run (the others do)"
fi

# The SDK generators (scripts/sdkgen and scripts/sdkgen-dotnet: `npm run sdks`,
# test/docs/sdks.test.ts), Go programs on Pulumi's code generators: built once per machine and
# version of their sources, into the cache (scripts/sdks/generator.ts keys them; it says how long
# each build took).
if command -v go >/dev/null; then
  node dist/scripts/sdks/generator.js build
else
  say "Go is not on PATH: the SDK generators are not built (npm run sdks and test/docs/sdks.test.ts need Go)"
fi

# The S3 state server (harness/s3.ts): versitygw, an S3 gateway over a directory (Apache-2.0), one
# Go module built once per machine (63 s on 2 cores, 4.4 min on a loaded machine) and started in a
# tenth of a second.
S3_BIN=""
if command -v go >/dev/null; then
  S3_BIN="$CACHE/versitygw-$VERSITYGW_VERSION/bin"
  if [[ ! -x "$S3_BIN/versitygw" ]]; then
    t=$SECONDS
    say "building the S3 state server versitygw $VERSITYGW_VERSION from Go modules (once per machine, 1–5 minutes on 2 cores)"
    rm -rf "$S3_BIN.tmp"; mkdir -p "$S3_BIN.tmp"
    if ! (cd "$S3_BIN.tmp" && GOFLAGS=-mod=mod GOBIN="$S3_BIN.tmp" go install -trimpath -ldflags "-s -w" "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION") > "$CACHE/versitygw-build.log" 2>&1; then
      say "failed: building versitygw. The last lines of $CACHE/versitygw-build.log:"; tail -n 20 "$CACHE/versitygw-build.log" >&2; exit 1
    fi
    rm -rf "$S3_BIN"; mkdir -p "$(dirname "$S3_BIN")"; mv "$S3_BIN.tmp" "$S3_BIN"
    say "built versitygw in $((SECONDS - t)) s"
  fi
else
  say "Go is not on PATH: the S3 state server is not built (the tests on an S3 backend need it)"
fi

# The dynamic-provider shim ships in @pulumi/pulumi; the CLI's own distributions bundle it beside
# the binary, which is where the engine expects it (found elsewhere on PATH, it warns on every run).
if [[ "$PULUMI_BIN" == "$PULUMI_DIR/bin" ]] && ! cmp -s "$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$PULUMI_BIN/pulumi-resource-pulumi-nodejs"; then
  cp "$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$PULUMI_BIN/pulumi-resource-pulumi-nodejs"
  chmod +x "$PULUMI_BIN/pulumi-resource-pulumi-nodejs"
fi

cat > "$CACHE/env-$(echo "$ROOT" | sha256sum | cut -c1-12).sh" <<ENV
PRIVATELINK_NODE_BIN="$NODE_BIN"
PRIVATELINK_PULUMI_BIN="$PULUMI_BIN"
PRIVATELINK_HOST_BIN="$HOST_BIN"
PRIVATELINK_YAML_BIN="$YAML_BIN"
PRIVATELINK_PYTHON_HOST_BIN="$PYTHON_HOST_BIN"
PRIVATELINK_PYTHON_VENV="$PYTHON_VENV"
PRIVATELINK_GO_HOST_BIN="$GO_HOST_BIN"
PRIVATELINK_S3_BIN="$S3_BIN"
ENV
# What scripts/run.sh compares against to skip set-up next time.
touch "$ROOT/dist/.setup-done"
if (( SECONDS - started > 2 )); then say "ready in $((SECONDS - started)) s"; fi
