#!/usr/bin/env bash
# The README's demo command: sets up a fresh clone, builds what the demo imports (the
# @lambda-otel-kit/testing package and the workspace packages it depends on) and runs the
# demo on embedded defaults: a local OTLP receiver, the Runtime API emulator driving the
# real aws-lambda-ric on scripts/demo/handler.mjs, a sample SQS batch, a printed waterfall.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
echo "==> build"
if ! build_log="$(pnpm -s --filter "@lambda-otel-kit/testing..." run build 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
exec node scripts/demo.mjs "$@"
