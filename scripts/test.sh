#!/usr/bin/env bash
# The README's test command: sets up a fresh clone, then lint, build (ESM + CJS + types,
# publint), type-check and every test. `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
start=$SECONDS
echo "==> lint";      pnpm -s lint
echo "==> build";     pnpm -s build
echo "==> typecheck"; pnpm -s typecheck
echo "==> test";      pnpm -s test
echo "==> done in $((SECONDS - start)) s after setup"
