import { createHash } from "node:crypto";
import { WebhookEvent } from "@livekit/protocol";
import { AccessToken } from "livekit-server-sdk";
import { newSid } from "./ids";

/** Signs a webhook body as LiveKit does: a JWT (no "Bearer") whose sha256 claim is the body's hash. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: "10m" });
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

export type WebhookFields = Pick<WebhookEvent, "event" | "room" | "participant" | "track">;

/**
 * Delivers webhooks one at a time in creation order (a receiver may rely on participant_joined
 * arriving before participant_left), without retries: a development receiver that is down just
 * misses events, and one failed POST does not hold up the rest.
 */
export class WebhookSender {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly urls: string[],
    private readonly apiKey: string,
    private readonly apiSecret: string,
    private readonly log: (line: string) => void,
  ) {}

  send(fields: WebhookFields): void {
    if (this.urls.length === 0) return;
    const event = new WebhookEvent({
      ...fields,
      id: newSid("EV_"),
      createdAt: BigInt(Math.floor(Date.now() / 1000)),
    });
    const body = event.toJsonString();
    this.chain = this.chain.then(() => this.post(body, fields.event));
  }

  private async post(body: string, name: string): Promise<void> {
    const auth = await signWebhook(body, this.apiKey, this.apiSecret);
    for (const url of this.urls) {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/webhook+json", Authorization: auth },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) this.log(`webhook ${name} to ${url} answered ${res.status}`);
      } catch (error) {
        this.log(`webhook ${name} to ${url} failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  }

  /** Resolves once every queued webhook was attempted (used at shutdown and by tests). */
  drain(): Promise<void> {
    return this.chain;
  }
}
