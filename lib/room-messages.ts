// The room's data messages, written once for both ends: the server encodes them
// (server/rooms/broadcast.ts, captions, moderation) and the browser decodes and checks each one
// on arrival (components/room, the staff room's backroom). LiveKit carries the topic beside the
// payload; the payload is the rest of the message as JSON.
// zod/mini, imported as a namespace, so the customer's room page carries only what it uses (about
// 7 kB gzip for this file; `import { z }` from it, or classic zod, pulls in some 85 kB).
import * as z from "zod/mini";
import { zNoteView, zQuestionView } from "./domain/backroom-views";
import { MODERATION_STEPS } from "./domain/moderation";
import { zModerationEntry } from "./domain/moderation-entry";

/**
 * `backroom` goes to staff identities only; `notice` to one customer (their own moderation step);
 * `caption` to everyone in the room; `round-clock` (the session started) to everyone in every room
 * of the session, carrying nothing to trust — each page asks again (speed dating: the token route
 * for the round clock; the staff room: its view, for the status).
 */
export const ROOM_TOPICS = ["backroom", "notice", "caption", "round-clock"] as const;
export type RoomTopic = (typeof ROOM_TOPICS)[number];

const backroom = z.literal("backroom");

/** Staff-only updates, each carrying the rows as saved (a missed one is repaired by the next load). */
const zBackroomMessage = z.discriminatedUnion("type", [
  z.object({ topic: backroom, type: z.literal("question"), questions: z.array(zQuestionView) }),
  z.object({ topic: backroom, type: z.literal("note"), note: zNoteView }),
  z.object({ topic: backroom, type: z.literal("moderation"), entry: zModerationEntry }),
  z.object({ topic: backroom, type: z.literal("floor"), identity: z.string(), grant: z.boolean() }),
]);

export const zRoomMessage = z.discriminatedUnion("topic", [
  zBackroomMessage,
  z.object({ topic: z.literal("notice"), type: z.literal("moderation"), step: z.enum(MODERATION_STEPS) }),
  z.object({
    topic: z.literal("caption"),
    type: z.literal("caption"),
    text: z.string(),
    /** When it was sent, in milliseconds since the epoch. */
    at: z.number(),
  }),
  z.object({ topic: z.literal("round-clock"), type: z.literal("round-clock") }),
]);
export type RoomMessage = z.infer<typeof zRoomMessage>;
export type BackroomMessage = Extract<RoomMessage, { topic: "backroom" }>;

/** A message as LiveKit sends it: the topic beside, the rest of the message as JSON bytes. */
export function encodeRoomMessage(message: RoomMessage): { topic: RoomTopic; payload: Uint8Array } {
  const { topic, ...rest } = message;
  return { topic, payload: new TextEncoder().encode(JSON.stringify(rest)) };
}

/**
 * Who may send each topic, by the sender's identity (undefined: the app's server, whose RoomService
 * messages LiveKit delivers with no sender). Today every topic is the server's: no browser sends
 * any of them, and no participant is granted canPublishData (server/rooms/grants.ts). A packet from
 * a participant — a staff page forging a warning, say — is dropped here even if the grants change.
 * A hidden participant's data would arrive with its identity blanked, like the server's, which is
 * why the grant matters as much as this check.
 */
const MAY_SEND: Record<RoomTopic, (sender: string | undefined) => boolean> = {
  backroom: (sender) => sender === undefined,
  notice: (sender) => sender === undefined,
  caption: (sender) => sender === undefined,
  "round-clock": (sender) => sender === undefined,
};

/**
 * The message a data packet carries, or null when it is not one of ours, not well formed, or from a
 * sender who may not send that topic. `sender` is the sending participant's identity as
 * livekit-client reports it (undefined when the server sent it).
 */
export function decodeRoomMessage(
  topic: string | undefined,
  payload: Uint8Array,
  sender: string | undefined,
): RoomMessage | null {
  if (!(ROOM_TOPICS as readonly (string | undefined)[]).includes(topic)) return null;
  if (!MAY_SEND[topic as RoomTopic](sender || undefined)) return null;
  try {
    const parsed = zRoomMessage.safeParse({ ...JSON.parse(new TextDecoder().decode(payload)), topic });
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: not ours to read
  }
}
