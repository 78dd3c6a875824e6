import "server-only";
// Every HTTP request the server answers: a request id (the caller's X-Request-Id when it sends a
// sane one, else a new one), which every log line written while handling it carries and the
// response returns; one access line (method, route pattern, status, duration — never the path,
// which can hold a personal token); and the duration histogram by route. Installed once at boot,
// on Node's HTTP server itself, so pages, server actions and route handlers are all covered.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { metrics } from "@/server/metrics/registry";
import { loadAppRoutes, matchRoute } from "@/server/metrics/route-patterns";
import { log, logContext } from "./logger";

const QUIET = new Set(["/api/ping", "/api/health", "/api/metrics", "/_next/*"]);
const state = globalThis as unknown as { immersionRequestsObserved?: boolean };

export function observeHttpRequests(): void {
  if (state.immersionRequestsObserved) return;
  state.immersionRequestsObserved = true;
  const routes = loadAppRoutes();
  const access = log.child({ component: "http" });
  const emit = http.Server.prototype.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const given = req.headers["x-request-id"];
    const reqId = typeof given === "string" && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : newRequestId();
    req.headers["x-request-id"] = reqId;
    res.setHeader("X-Request-Id", reqId);
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = matchRoute(routes, (req.url ?? "/").split("?")[0] ?? "/");
      const method = req.method ?? "GET";
      const status = res.writableFinished ? res.statusCode : 499; // 499: the caller went away
      metrics.httpDuration.observe({ method, route, status: String(status) }, seconds);
      const line = { reqId, method, route, status, ms: Math.round(seconds * 1000) };
      if (status >= 500) access.warn(line, "request");
      else if (QUIET.has(route)) access.debug(line, "request");
      else access.info(line, "request");
    });
    return logContext.run({ reqId }, () => emit.call(this, event, ...args));
  } as typeof emit;
}

export const newRequestId = () => randomBytes(8).toString("hex");
