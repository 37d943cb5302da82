#!/usr/bin/env bash
# An S3-compatible server to keep Pulumi state in on this machine, the one the tests use
# (harness/s3.ts): versitygw, built by set-up, on 127.0.0.1 over a data folder (one subfolder per
# bucket, one file per object), in the foreground until Ctrl-C (or SIGTERM), which stops it cleanly.
#   bash scripts/run.sh bash scripts/s3-server.sh [--port 4520] [--data .s3-state] [--bucket state]
# The first stdout line is `s3 server listening on http://127.0.0.1:PORT`; the lines that point the
# CLI at it follow (the CLI's own s3:// backend URL and the server's credentials: AWS_ACCESS_KEY_ID
# and AWS_SECRET_ACCESS_KEY when set, else local ones).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=4520; data="$root/.s3-state"; bucket=state
usage() { echo "usage: s3-server.sh [--port N] [--data DIR] [--bucket NAME]" >&2; exit 2; }
while (($#)); do
  case "$1" in
    --port) port="${2:-}"; shift 2 || usage ;;
    --data) data="${2:-}"; shift 2 || usage ;;
    --bucket) bucket="${2:-}"; shift 2 || usage ;;
    *) usage ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] && (( port > 0 && port < 65536 )) || { echo "s3-server: --port $port is not a port number (1-65535)" >&2; exit 2; }
[[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || { echo "s3-server: --bucket $bucket is not a bucket name (3-63 of a-z, 0-9, '.', '-')" >&2; exit 2; }
command -v versitygw >/dev/null || { echo "s3-server: versitygw is not on PATH: run through scripts/run.sh (or source scripts/env.sh after scripts/setup.sh)" >&2; exit 1; }
# A bucket is a folder of the data folder; with one root account (no IAM service) it owns them all.
mkdir -p "$data/$bucket"
data="$(cd "$data" && pwd)"
key="${AWS_ACCESS_KEY_ID:-privatelink-local}"
secret="${AWS_SECRET_ACCESS_KEY:-privatelink-local-secret}"
region="${AWS_REGION:-us-east-1}"
versitygw --port "127.0.0.1:$port" --access "$key" --secret "$secret" --region "$region" --quiet posix "$data" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' INT TERM
for _ in $(seq 1 150); do
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "s3-server: versitygw exited before listening on 127.0.0.1:$port" >&2; exit 1; }
  sleep 0.1
done
echo "s3 server listening on http://127.0.0.1:$port (data in $data)"
echo "export PULUMI_BACKEND_URL='s3://$bucket?endpoint=127.0.0.1:$port&disableSSL=true&s3ForcePathStyle=true'"
echo "export AWS_ACCESS_KEY_ID='$key' AWS_SECRET_ACCESS_KEY='$secret' AWS_REGION='$region'"
wait "$pid"
