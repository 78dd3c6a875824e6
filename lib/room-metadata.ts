import { type RoomStoryTurns, STORY_TURN_STATES } from "./domain/story-turns";

// What our server writes into LiveKit's metadata fields, read by the room client: written once
// here so both ends agree. Metadata someone else wrote (not JSON, other keys) is tolerated.

function parseObject(metadata: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(metadata || "{}");
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** How many hidden listeners the room has (customers are told the number, never who). */
export function hiddenListenersOf(roomMetadata: string | undefined): number {
  const n = Number(parseObject(roomMetadata).hiddenListeners ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** The room's metadata with the hidden-listener count set, other keys kept; null when it is already so. */
export function withHiddenListeners(roomMetadata: string | undefined, count: number): string | null {
  const meta = parseObject(roomMetadata);
  if (meta.hiddenListeners === count) return null;
  return JSON.stringify({ ...meta, hiddenListeners: count });
}

/** A participant's metadata as minted with their token: the room role they hold. */
export const participantMetadata = (role: string) => JSON.stringify({ role });

/** The room role in a participant's metadata, or "" when it names none. */
export function participantRoleOf(participantMetadata: string | undefined): string {
  const role = parseObject(participantMetadata).role;
  return typeof role === "string" ? role : "";
}

/** Story circle: the telling order in the room's metadata (first names), or [] when there is none. */
export function storyTurnsOf(roomMetadata: string | undefined): RoomStoryTurns {
  const turns = parseObject(roomMetadata).storyTurns;
  if (!Array.isArray(turns)) return [];
  return turns.filter(
    (t): t is RoomStoryTurns[number] =>
      Boolean(t) &&
      typeof t.identity === "string" &&
      typeof t.name === "string" &&
      (STORY_TURN_STATES as readonly string[]).includes(t.state),
  );
}

/** The room's metadata with the telling order set, other keys kept; null when it is already so. */
export function withStoryTurns(roomMetadata: string | undefined, turns: RoomStoryTurns): string | null {
  const meta = parseObject(roomMetadata);
  if (JSON.stringify(meta.storyTurns ?? []) === JSON.stringify(turns)) return null;
  return JSON.stringify({ ...meta, storyTurns: turns });
}
