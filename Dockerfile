# syntax=docker/dockerfile:1
# Immersion: one image source, two targets.
#   docker build --target web -t immersion-web .      the Next server (standalone output)
#   docker build --target worker -t immersion-tools .  `npm run worker` and `npm run db:migrate`
# Release: run `npm run db:migrate` once with the tools image, then roll out web and worker.
# See docs/operations.md. Checked by scripts/check-dockerfile.sh (hadolint, then these very
# commands in a plain shell, because no container runtime is available where it is developed).

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx next build

FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 WORKER_IN_PROCESS=false
COPY --from=build --chown=1000:1000 /app/.next/standalone ./
COPY --from=build --chown=1000:1000 /app/.next/static ./.next/static
COPY --from=build --chown=1000:1000 /app/db/migrations ./db/migrations
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]

FROM ${NODE_IMAGE} AS worker
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=prod-deps --chown=1000:1000 /app/node_modules ./node_modules
COPY --chown=1000:1000 package.json tsconfig.json env.ts ./
COPY --chown=1000:1000 db ./db
COPY --chown=1000:1000 lib ./lib
COPY --chown=1000:1000 messages ./messages
COPY --chown=1000:1000 server ./server
COPY --chown=1000:1000 mail-catcher ./mail-catcher
COPY --chown=1000:1000 scripts ./scripts
USER 1000:1000
CMD ["npm", "run", "worker"]
