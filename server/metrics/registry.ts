import "server-only";
// The process's metrics, in the Prometheus text format (prom-client). Counters and histograms
// live in memory per process (scrape every instance); the queue and outbox figures are read from
// the database at scrape time, so any instance reports the shared queue. See decision 018.
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

type Metrics = { registry: Registry; httpDuration: Histogram<string>; webhookLag: Histogram<string> };

const cache = globalThis as unknown as { immersionMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "immersion_" });
  const httpDuration = new Histogram({
    name: "immersion_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by route pattern",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const webhookLag = new Histogram({
    name: "immersion_livekit_webhook_lag_seconds",
    help: "Time from LiveKit creating a webhook event to this app receiving it",
    labelNames: ["event"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  return { registry, httpDuration, webhookLag };
}

cache.immersionMetrics ??= create();
export const metrics: Metrics = cache.immersionMetrics;

/** LiveKit stamps each event (`createdAt`, seconds); how late it reached us. */
export function observeWebhookLag(
  event: string,
  createdAtSeconds: number | bigint | undefined,
  now = Date.now(),
) {
  const created = Number(createdAtSeconds ?? 0);
  if (!created) return;
  metrics.webhookLag.observe({ event }, Math.max(0, now / 1000 - created));
}
