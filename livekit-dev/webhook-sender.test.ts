import { WebhookReceiver } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { signWebhook } from "./webhook-sender";

const key = "devkey";
const secret = "devsecret-devsecret-devsecret-0123";

describe("signWebhook", () => {
  it("produces what livekit-server-sdk's WebhookReceiver accepts, and only for that body", async () => {
    const body = JSON.stringify({ event: "room_started", id: "EV_1", createdAt: "1", room: { name: "r" } });
    const auth = await signWebhook(body, key, secret);
    const receiver = new WebhookReceiver(key, secret);
    expect((await receiver.receive(body, auth)).event).toBe("room_started");
    await expect(receiver.receive(body.replace('"r"', '"x"'), auth)).rejects.toThrow(/sha256/);
  });
});
