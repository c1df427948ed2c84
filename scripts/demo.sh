#!/usr/bin/env bash
# The README's demo command: sets up a fresh clone, builds the packages and the
# sqs-batch-consumer example's bundle, and runs the demo on embedded defaults: a local OTLP
# receiver, the Runtime API emulator driving the real aws-lambda-ric on the example, a sample
# SQS batch from several upstream formats, a printed waterfall.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
echo "==> build"
if ! build_log="$(pnpm -s build 2>&1 && pnpm -s --filter ./examples/sqs-batch-consumer run build 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
exec node scripts/demo.mjs "$@"
