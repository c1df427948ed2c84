#!/usr/bin/env bash
# Sets up a fresh clone on a machine that has only Node.js (>= 20.6) and npm:
# installs the pnpm version pinned in package.json into .tools/, then the workspace from
# the lockfile (aws-lambda-ric compiles its native client on first install, about a minute).
# Source it (`. scripts/bootstrap.sh`): it leaves pnpm on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 6)) { console.error(`Node.js >= 20.6 is needed, found ${process.version}`); process.exit(1); }'
pnpm_version="$(node -p "require('./package.json').packageManager.split('@')[1]")"
if [ "$(.tools/node_modules/.bin/pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "==> installing pnpm@${pnpm_version} into .tools/"
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "pnpm@${pnpm_version}" >/dev/null
fi
export PATH="$root/.tools/node_modules/.bin:$PATH"
echo "==> pnpm install (frozen lockfile)"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^\s*$|Progress:' | tail -n 5
