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
};

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
