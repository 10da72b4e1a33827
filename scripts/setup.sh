#!/usr/bin/env bash
# Sets up a fresh machine that has only Node and npm: pnpm, the workspace's
# dependencies, and a build of every package.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install --global --silent "pnpm@$PNPM_VERSION"
fi
pnpm install --frozen-lockfile
pnpm run build
