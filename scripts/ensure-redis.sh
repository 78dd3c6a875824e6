#!/usr/bin/env bash
# Finds Debian's redis-server for the LiveKit cluster test (two real LiveKit nodes sharing one
# Redis, started by the test on loopback), or installs it. Prints nothing when it is there.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
echo "[setup] installing Debian's redis-server for the LiveKit cluster test"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system-wide instance on port 6379; the test starts its own on a free port.
