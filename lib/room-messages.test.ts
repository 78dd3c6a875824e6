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
      expect(decodeRoomMessage(topic, payload)).toEqual(m);
    }
  });

  it("refuse what is not one of ours or not well formed", () => {
    expect(decodeRoomMessage(undefined, bytes({ type: "caption", text: "x", at: 1 }))).toBeNull();
    expect(decodeRoomMessage("chat", bytes({ type: "caption", text: "x", at: 1 }))).toBeNull();
    expect(decodeRoomMessage("caption", new TextEncoder().encode("not json"))).toBeNull();
    expect(decodeRoomMessage("caption", bytes({ type: "caption", text: 7, at: 1 }))).toBeNull();
    // A backroom message type on the customer's notice topic is not a notice.
    expect(decodeRoomMessage("notice", bytes({ type: "moderation", entry }))).toBeNull();
    expect(decodeRoomMessage("notice", bytes({ type: "moderation", step: "banned" }))).toBeNull();
    expect(decodeRoomMessage("backroom", bytes({ type: "note", note: { id: "n" } }))).toBeNull();
  });
});
