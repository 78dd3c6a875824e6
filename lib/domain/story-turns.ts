// Story circle turn order: one guest tells their story at a time to all staff; the facilitator keeps
// the order (next, now, done), may reorder who is next, and moves on when a story is finished.

export const STORY_TURN_STATES = ["next", "now", "done"] as const;
export type StoryTurnState = (typeof STORY_TURN_STATES)[number];

/** What the facilitator can do with the order: start the next story, or move a waiting guest. */
export const STORY_TURN_ACTIONS = ["next", "up", "down"] as const;
export type StoryTurnAction = (typeof STORY_TURN_ACTIONS)[number];

/** One guest's place in the order, as staff see it (and, first name only, as the room shows it). */
export type StoryTurn = {
  invitationId: string;
  customerId: string;
  identity: string;
  name: string;
  state: StoryTurnState;
  /** Epoch milliseconds the story began (the one telling now). */
  startedAt: number | null;
  /**
   * Specialist seating, for the facilitator only (null for everyone else): the names of the staff
   * trained to support vulnerable customers who hear this guest, who asked for accommodations
   * and so was placed first in the order.
   */
  heardFirstBy: string[] | null;
};

/**
 * The telling order for guests not placed yet (PRODUCT §3, specialist seating): when staff trained
 * for vulnerable customers are in the session, guests who asked for accommodations tell their
 * story first — heard by trained staff while everyone is fresh, and never left for last when time
 * runs short; the rest in name order. With nobody trained, name order alone.
 */
export function storyOrder<G extends { name: string; needsSupport: boolean }>(
  guests: readonly G[],
  trainedPresent: boolean,
): G[] {
  return [...guests].sort(
    (a, b) =>
      (trainedPresent ? Number(b.needsSupport) - Number(a.needsSupport) : 0) || a.name.localeCompare(b.name),
  );
}

/** The order as every page in the room reads it (room metadata): first names only. */
export type RoomStoryTurns = {
  identity: string;
  name: string;
  state: StoryTurnState;
  startedAt: number | null;
}[];

/** Where one person stands: telling now, their place among those waiting (1 = next), or done. */
export function placeInOrder(
  turns: RoomStoryTurns,
  identity: string,
): { state: StoryTurnState; place: number; waiting: number } | null {
  const mine = turns.find((t) => t.identity === identity);
  if (!mine) return null;
  const waiting = turns.filter((t) => t.state === "next");
  return {
    state: mine.state,
    place: waiting.findIndex((t) => t.identity === identity) + 1,
    waiting: waiting.length,
  };
}
