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
echo "==> demo";      pnpm -s --filter ./examples/sqs-batch-consumer run build >/dev/null && node scripts/demo.mjs >/dev/null
echo "==> bench (quick: checks that spans arrive, not how fast)"; pnpm -s bench --quick >/dev/null
echo "==> examples";  pnpm -s -r --filter "./examples/*" run typecheck && node scripts/images/lint-dockerfiles.mjs
# Container images (scripts/images/run.sh): build every Dockerfile on local stand-in bases with
# buildah, run each image with podman against the Runtime API emulator and the OTLP receiver.
# In CI (CI=true) and with LAMBDA_OTEL_IMAGES=1; LAMBDA_OTEL_IMAGES=0 skips it.
if [ "${LAMBDA_OTEL_IMAGES:-}" = "1" ] || { [ "${CI:-}" = "true" ] && [ "${LAMBDA_OTEL_IMAGES:-}" != "0" ]; }; then
  echo "==> images";    bash scripts/images/run.sh
fi
echo "==> done in $((SECONDS - start)) s after setup"
