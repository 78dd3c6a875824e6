#!/usr/bin/env bash
# The load simulation: two `next start` instances and two workers on one sqld, on loopback
# (tests/load/simulate.ts). Needs the production build (`npx next build`). Prints its figures;
# exits non-zero if anything was lost, duplicated, over capacity or sent twice.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || { echo "run \`npx next build\` first" >&2; exit 1; }
exec node_modules/.bin/tsx --conditions=react-server --tsconfig tsconfig.json tests/load/simulate.ts
