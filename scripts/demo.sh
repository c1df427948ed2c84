#!/usr/bin/env bash
# The README's demo command: sets up a fresh clone, builds the packages and runs the demo
# on embedded defaults (local OTLP receiver, Runtime API emulator, sample event).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
echo "==> build"; pnpm -s build >/dev/null
exec node scripts/demo.mjs "$@"
