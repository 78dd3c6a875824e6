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
