// Speed dating: customers sit at one table for the whole session while staff rotate, one table
// per round, so that every staff member meets every table exactly once. Pure functions, shared by
// the server (which mints tokens from them) and the browser (which shows the same round timer).

/** The LiveKit room of one table (1-based), derived from the session's random room name. */
export const tableRoomName = (roomName: string, table: number) => `${roomName}_t${table}`;

/** The session room name and table behind a table room's name, or null for any other room. */
export function parseTableRoom(name: string): { roomName: string; table: number } | null {
  const m = /^(.+)_t([1-9]\d*)$/.exec(name);
  return m ? { roomName: m[1]!, table: Number(m[2]) } : null;
}

/**
 * The table (0-based) where the staff member in rotation slot `slot` sits in round `round`:
 * slot i starts at table i mod tables and moves one table on per round, so over `tables` rounds
 * each slot visits each table once.
 */
export const tableOf = (slot: number, round: number, tables: number) =>
  (((slot + round) % tables) + tables) % tables;

export type RoundState = {
  /** 0-based; before the start this is round 0, after the last round it stays on the last one. */
  round: number;
  rounds: number;
  started: boolean;
  /** The last round has run out (staff stay where they are). */
  over: boolean;
  /** When the current round ends (ms since epoch), or null before the start and after the end. */
  endsAt: number | null;
};

/** Which round is running at `now`, counted from the session's start; one round per table. */
export function roundAt(
  startedAt: number | null,
  roundMinutes: number,
  tables: number,
  now: number,
): RoundState {
  const rounds = tables;
  if (startedAt === null) return { round: 0, rounds, started: false, over: false, endsAt: null };
  const length = roundMinutes * 60_000;
  const elapsed = Math.max(0, now - startedAt);
  const index = Math.floor(elapsed / length);
  if (index >= rounds) return { round: rounds - 1, rounds, started: true, over: true, endsAt: null };
  return { round: index, rounds, started: true, over: false, endsAt: startedAt + (index + 1) * length };
}

/** The rotation slot order: staff trained for vulnerable customers first, then a stable order. */
export function rotationOrder<T extends { id: string; trained: boolean }>(staff: readonly T[]): T[] {
  return [...staff].sort((a, b) => Number(b.trained) - Number(a.trained) || a.id.localeCompare(b.id));
}

/** For each table, whether a staff member sitting there in round 0 is trained for vulnerable customers. */
export function trainedFirstTables(slotsTrained: readonly boolean[], tables: number): boolean[] {
  const out = Array.from({ length: tables }, () => false);
  slotsTrained.forEach((trained, slot) => {
    if (trained) out[tableOf(slot, 0, tables)] = true;
  });
  return out;
}

export type Guest = { id: string; needsSupport: boolean };

/**
 * Seats everyone at once, balanced (table sizes differ by at most one). Customers with
 * accommodations are seated first, at tables whose first staff member is trained for vulnerable
 * customers (the tables that get one more guest when the numbers do not divide are those tables,
 * to make room for them); everyone else fills the emptiest table.
 */
export function seatGuests(guests: readonly Guest[], trainedFirst: readonly boolean[]): Map<string, number> {
  const tables = trainedFirst.length;
  const seats = new Map<string, number>();
  if (tables === 0) return seats;
  const base = Math.floor(guests.length / tables);
  let extra = guests.length % tables;
  const order = [...trainedFirst.keys()].sort(
    (a, b) => Number(trainedFirst[b]) - Number(trainedFirst[a]) || a - b,
  );
  const capacity = Array.from({ length: tables }, () => base);
  for (const t of order) {
    if (extra === 0) break;
    capacity[t]! += 1;
    extra -= 1;
  }
  const count = Array.from({ length: tables }, () => 0);
  const place = (id: string, candidates: number[]) => {
    const open = candidates.filter((t) => count[t]! < capacity[t]!);
    if (!open.length) return false;
    const t = open.reduce((best, t) => (count[t]! < count[best]! ? t : best), open[0]!);
    count[t]! += 1;
    seats.set(id, t);
    return true;
  };
  const all = [...trainedFirst.keys()];
  const trained = all.filter((t) => trainedFirst[t]);
  const ordered = [...guests.filter((g) => g.needsSupport), ...guests.filter((g) => !g.needsSupport)];
  for (const g of ordered) {
    if (g.needsSupport && place(g.id, trained)) continue;
    place(g.id, all);
  }
  return seats;
}

/**
 * Seats one late guest beside an existing seating without breaking the balance: the emptiest
 * table, preferring (for a guest with accommodations) a trained table among the emptiest.
 */
export function seatLateGuest(
  guest: Guest,
  counts: readonly number[],
  trainedFirst: readonly boolean[],
): number {
  const min = Math.min(...counts);
  const emptiest = [...counts.keys()].filter((t) => counts[t] === min);
  if (guest.needsSupport) {
    const trained = emptiest.find((t) => trainedFirst[t]);
    if (trained !== undefined) return trained;
  }
  return emptiest[0]!;
}

/** Rotating staff ask this long after their round ends, so the server's clock has moved on too. */
export const MOVE_MARGIN_MS = 750;
/** Before the start nobody knows when round 1 ends; pages ask again this often. */
export const WAITING_POLL_MS = 20_000;
/** Never ask more often than this, even while the server still says the round is not over. */
export const MIN_ASK_GAP_MS = 1000;
/** After failed asks, wait 2 s, 4 s, 8 s… but never longer than this between tries. */
export const MAX_RETRY_MS = 15_000;

export type AskPlan = {
  /** Rotating staff move; customers and the facilitator stay (they ask only when told to). */
  moves: boolean;
  /** The end of the round the last answer was given in, on the server's clock (null: not started). */
  endsAt: number | null;
  over: boolean;
  /** Server time minus this browser's time. */
  skewMs: number;
};

/**
 * When (on this browser's clock) a page at a table should next ask the server where it sits, or
 * null when it need not on its own (it still asks when the server announces the clock). Pages compare this with the wall clock on every tick
 * instead of arming one long timer, because a timer is fired late by a sleeping laptop or a
 * throttled tab, while the wall clock is right as soon as the page runs again.
 */
export function nextAskAt(plan: AskPlan, last: { askedAt: number; failures: number }): number | null {
  if (last.failures > 0) return last.askedAt + Math.min(MAX_RETRY_MS, MIN_ASK_GAP_MS * 2 ** last.failures);
  if (plan.over) return null;
  // Before the start (everyone: the announcement of the start can race a page's own join).
  if (plan.endsAt === null) return last.askedAt + WAITING_POLL_MS;
  if (!plan.moves) return null;
  return Math.max(plan.endsAt - plan.skewMs + MOVE_MARGIN_MS, last.askedAt + MIN_ASK_GAP_MS);
}
