#!/usr/bin/env bash
# The backup and restore drill (tests/load/backup-drill.ts): a libSQL file backed up online with
# VACUUM INTO, a sqld dumped through GET /dump; each restored into a working copy that must pass
# integrity_check and the app's own health check. Needs the production build (`npx next build`).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .next/BUILD_ID ] || { echo "run \`npx next build\` first" >&2; exit 1; }
exec node_modules/.bin/tsx --conditions=react-server --tsconfig tsconfig.json tests/load/backup-drill.ts
