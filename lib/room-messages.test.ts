import { describe, expect, it } from "vitest";
import { decodeRoomMessage, encodeRoomMessage, type RoomMessage } from "./room-messages";

const entry = {
  id: "e1",
  sessionId: "s1",
  invitationId: "i1",
  customerId: "c1",
  step: "warning_1",
  category: "interrupting",
  note: "",
  actedById: "u1",
  actedByName: "Ana",
  createdAt: 1_700_000_000_000,
} as const;

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe("room messages", () => {
  it("carry the topic beside the payload, and the payload without it", () => {
    const { topic, payload } = encodeRoomMessage({ topic: "backroom", type: "moderation", entry });
    expect(topic).toBe("backroom");
    const text = new TextDecoder().decode(payload);
    expect(text.startsWith('{"type":"moderation","entry"')).toBe(true);
    expect(text).not.toContain("backroom");
  });

  it("decode to what was encoded, on each topic", () => {
    const messages: RoomMessage[] = [
      { topic: "backroom", type: "moderation", entry },
      { topic: "backroom", type: "floor", identity: "staff_x", grant: true },
      { topic: "notice", type: "moderation", step: "removal" },
      { topic: "caption", type: "caption", text: "Hello", at: 5 },
    ];
    for (const m of messages) {
      const { topic, payload } = encodeRoomMessage(m);
      expect(decodeRoomMessage(topic, payload, undefined)).toEqual(m);
    }
  });

  it("accept each topic only from the server, never from a participant", () => {
    const forged: RoomMessage[] = [
      { topic: "notice", type: "moderation", step: "warning_1" },
      { topic: "caption", type: "caption", text: "Forged", at: 5 },
      { topic: "backroom", type: "floor", identity: "staff_x", grant: true },
      { topic: "round-clock", type: "round-clock" },
    ];
    for (const m of forged) {
      const { topic, payload } = encodeRoomMessage(m);
      expect(decodeRoomMessage(topic, payload, "staff_1f0c")).toBeNull();
      expect(decodeRoomMessage(topic, payload, "cust_9a2b")).toBeNull();
      // livekit-client reports the server as no participant; an empty identity is the same.
      expect(decodeRoomMessage(topic, payload, "")).toEqual(m);
    }
  });

  it("refuse what is not one of ours or not well formed", () => {
    expect(decodeRoomMessage(undefined, bytes({ type: "caption", text: "x", at: 1 }), undefined)).toBeNull();
    expect(decodeRoomMessage("chat", bytes({ type: "caption", text: "x", at: 1 }), undefined)).toBeNull();
    expect(decodeRoomMessage("caption", new TextEncoder().encode("not json"), undefined)).toBeNull();
    expect(decodeRoomMessage("caption", bytes({ type: "caption", text: 7, at: 1 }), undefined)).toBeNull();
    // A backroom message type on the customer's notice topic is not a notice.
    expect(decodeRoomMessage("notice", bytes({ type: "moderation", entry }), undefined)).toBeNull();
    expect(decodeRoomMessage("notice", bytes({ type: "moderation", step: "banned" }), undefined)).toBeNull();
    expect(decodeRoomMessage("backroom", bytes({ type: "note", note: { id: "n" } }), undefined)).toBeNull();
  });
});
