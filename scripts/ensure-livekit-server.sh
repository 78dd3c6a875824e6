#!/usr/bin/env bash
# Finds the real LiveKit server the tests run beside the development server, or builds it from the
# Go module proxy (pinned; the first build takes a few minutes). Prints the binary's path on the
# last line. Not part of `npm run dev`: the development server needs no Go.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="v1.13.5"
DIR=".cache/livekit-server/$VERSION"
BIN="$DIR/livekit-server"
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "${VERSION#v}"; then
  echo "$PWD/$BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "[setup] the real LiveKit server needs Go (1.26 or newer) to build: install it, or put a" >&2
  echo "[setup] livekit-server $VERSION binary at $BIN" >&2
  exit 1
fi
echo "[setup] building livekit-server $VERSION with $(go version | cut -d' ' -f3) (first time only, a few minutes)" >&2
mkdir -p "$DIR"
# The module's main package is cmd/server, so `go install` names the binary `server`.
GOBIN="$PWD/$DIR" go install "github.com/livekit/livekit-server/cmd/server@$VERSION" >&2
mv "$DIR/server" "$BIN"
"$BIN" --version >&2
echo "$PWD/$BIN"
