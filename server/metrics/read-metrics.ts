import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/db";
import { env } from "@/env";
import { notFound, unauthenticated } from "@/server/errors";
import { queueFiguresText, readQueueFigures } from "./queue-gauges";
import { metrics } from "./registry";

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;

/**
 * The metrics in the Prometheus text format, for a scraper holding METRICS_TOKEN (a machine, not a
 * person: no policy role). Unset, the endpoint does not exist (404); a wrong token is a 401. The
 * figures hold no personal data: counts, ages and durations by route pattern and job kind.
 */
export async function readMetrics(
  authorization: string | null,
  configured: string | null = env.METRICS_TOKEN ?? null,
): Promise<string> {
  if (!configured) throw notFound();
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
  // Compared as hashes: equal length, constant time.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  if (!timingSafeEqual(digest(given), digest(configured))) throw unauthenticated();
  const [own, queues] = await Promise.all([metrics.registry.metrics(), readQueueFigures(db)]);
  return own + queueFiguresText(queues);
}
