import "server-only";
import { env } from "@/env";

/**
 * The client's address for rate limits, as seen through `hops` trusted proxies
 * (TRUSTED_PROXY_HOPS). Each proxy appends the address it saw to X-Forwarded-For, so the
 * client's is the `hops`-th entry from the right; everything left of it came from the client and
 * may be forged. With no proxy (0), Next itself puts the socket's address there — unless the
 * client sent the header, which only a proxy in front can prevent: production runs behind one.
 */
export function clientKey(headers: Headers, hops: number = env.TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) return "unknown";
  const index = hops === 0 ? entries.length - 1 : entries.length - hops;
  return entries[Math.max(0, index)] ?? "unknown";
}
