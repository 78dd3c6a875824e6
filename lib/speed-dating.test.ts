import { describe, expect, it } from "vitest";
import {
  MAX_RETRY_MS,
  MOVE_MARGIN_MS,
  nextAskAt,
  parseTableRoom,
  rotationOrder,
  roundAt,
  seatGuests,
  seatLateGuest,
  tableOf,
  tableRoomName,
  trainedFirstTables,
  WAITING_POLL_MS,
} from "./speed-dating";

describe("rotation", () => {
  it.each([2, 3, 5, 8])("with %i tables each staff slot meets each table exactly once", (tables) => {
    for (let slot = 0; slot < tables * 2; slot++) {
      const visited = Array.from({ length: tables }, (_, r) => tableOf(slot, r, tables));
      expect(new Set(visited).size).toBe(tables);
    }
  });

  it("never puts two slots of the first lap at one table in the same round", () => {
    const tables = 4;
    for (let r = 0; r < tables; r++) {
      const at = Array.from({ length: tables }, (_, slot) => tableOf(slot, r, tables));
      expect(new Set(at).size).toBe(tables);
    }
  });

  it("moves staff i to table (i + r) mod tables", () => {
    expect(tableOf(0, 0, 2)).toBe(0);
    expect(tableOf(0, 1, 2)).toBe(1);
    expect(tableOf(1, 1, 2)).toBe(0);
    expect(tableOf(2, 2, 3)).toBe(1);
  });

  it("orders trained staff first, then by id", () => {
    const order = rotationOrder([
      { id: "c", trained: false },
      { id: "b", trained: true },
      { id: "a", trained: false },
    ]);
    expect(order.map((s) => s.id)).toEqual(["b", "a", "c"]);
  });

  it("marks the tables whose round-1 staff are trained", () => {
    expect(trainedFirstTables([true, false, true], 2)).toEqual([true, false]);
    expect(trainedFirstTables([false, true], 3)).toEqual([false, true, false]);
  });
});

describe("round clock", () => {
  const start = Date.UTC(2026, 0, 1, 12);
  it("is round 1 and waiting before the start", () => {
    expect(roundAt(null, 5, 3, start)).toEqual({
      round: 0,
      rounds: 3,
      started: false,
      over: false,
      endsAt: null,
    });
  });
  it("counts rounds from startedAt, each roundMinutes long", () => {
    expect(roundAt(start, 5, 3, start + 1000)).toMatchObject({ round: 0, endsAt: start + 300_000 });
    expect(roundAt(start, 5, 3, start + 300_000)).toMatchObject({ round: 1, endsAt: start + 600_000 });
    expect(roundAt(start, 5, 3, start + 899_999)).toMatchObject({ round: 2, over: false });
  });
  it("stays on the last round once the rotation is over", () => {
    expect(roundAt(start, 5, 3, start + 900_000)).toMatchObject({ round: 2, over: true, endsAt: null });
  });
});

describe("seating", () => {
  const guests = (n: number, support: number[] = []) =>
    Array.from({ length: n }, (_, i) => ({ id: `g${i}`, needsSupport: support.includes(i) }));
  const sizes = (seats: Map<string, number>, tables: number) => {
    const c = Array.from({ length: tables }, () => 0);
    for (const t of seats.values()) c[t]! += 1;
    return c;
  };

  it.each([
    [2, 2],
    [7, 3],
    [10, 4],
    [3, 5],
    [0, 2],
  ])("seats %i guests at %i tables, sizes differing by at most one", (n, tables) => {
    const seats = seatGuests(
      guests(n, [0, 1, 2]),
      Array.from({ length: tables }, (_, t) => t === 1),
    );
    expect(seats.size).toBe(n);
    const s = sizes(seats, tables);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
  });

  it("seats customers with accommodations at tables whose first staff member is trained", () => {
    const seats = seatGuests(guests(6, [4, 5]), [false, true, false]);
    expect(seats.get("g4")).toBe(1);
    expect(seats.get("g5")).toBe(1);
  });

  it("gives a trained table the extra seat when numbers do not divide", () => {
    const seats = seatGuests(guests(4, [0, 1]), [false, false, true]);
    expect(seats.get("g0")).toBe(2);
    expect(seats.get("g1")).toBe(2);
    expect(sizes(seats, 3)).toEqual([1, 1, 2]);
  });

  it("keeps the balance when more guests need support than trained seats allow", () => {
    const seats = seatGuests(guests(4, [0, 1, 2, 3]), [true, true, false]);
    const s = sizes(seats, 3);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    expect(s[0]! + s[1]!).toBe(3);
  });

  it("seats a latecomer at the emptiest table, a trained one if they need support", () => {
    expect(seatLateGuest({ id: "x", needsSupport: false }, [2, 1, 1], [false, false, true])).toBe(1);
    expect(seatLateGuest({ id: "x", needsSupport: true }, [2, 1, 1], [false, false, true])).toBe(2);
    expect(seatLateGuest({ id: "x", needsSupport: true }, [1, 2], [false, true])).toBe(0);
  });
});

describe("table rooms", () => {
  it("derives and parses a table's room name", () => {
    const name = tableRoomName("im_2f0e", 3);
    expect(name).toBe("im_2f0e_t3");
    expect(parseTableRoom(name)).toEqual({ roomName: "im_2f0e", table: 3 });
    expect(parseTableRoom("im_2f0e")).toBeNull();
    expect(parseTableRoom("im_x_t0")).toBeNull();
  });
});

describe("asking where to sit next", () => {
  const endsAt = Date.UTC(2026, 0, 1, 12, 5);
  const rotating = { moves: true, endsAt, over: false, skewMs: 0 };
  const fresh = (askedAt: number) => ({ askedAt, failures: 0 });

  it("has rotating staff ask just after their round ends on the server's clock", () => {
    expect(nextAskAt(rotating, fresh(endsAt - 60_000))).toBe(endsAt + MOVE_MARGIN_MS);
    // This browser runs 4 s behind the server: the server's boundary is 4 s earlier here.
    expect(nextAskAt({ ...rotating, skewMs: 4000 }, fresh(endsAt - 60_000))).toBe(
      endsAt - 4000 + MOVE_MARGIN_MS,
    );
  });

  it("is already due when the page runs late (a sleeping laptop, a throttled tab)", () => {
    const wokeAt = endsAt + 10 * 60_000;
    expect(nextAskAt(rotating, fresh(endsAt - 60_000))).toBeLessThan(wokeAt);
  });

  it("asks again a second later when the server still says the round is not over", () => {
    const askedAt = endsAt + MOVE_MARGIN_MS;
    expect(nextAskAt(rotating, fresh(askedAt))).toBe(askedAt + 1000);
  });

  it("polls before the start (everyone), and never for those who stay or after the last round", () => {
    expect(nextAskAt({ ...rotating, endsAt: null }, fresh(1000))).toBe(1000 + WAITING_POLL_MS);
    expect(nextAskAt({ ...rotating, moves: false, endsAt: null }, fresh(1000))).toBe(1000 + WAITING_POLL_MS);
    expect(nextAskAt({ ...rotating, moves: false }, fresh(1000))).toBeNull();
    expect(nextAskAt({ ...rotating, endsAt: null, over: true }, fresh(1000))).toBeNull();
  });

  it("retries a failed ask with a growing, bounded wait instead of giving up (anyone)", () => {
    const staying = { ...rotating, moves: false };
    expect(nextAskAt(staying, { askedAt: 0, failures: 1 })).toBe(2000);
    expect(nextAskAt(staying, { askedAt: 0, failures: 2 })).toBe(4000);
    expect(nextAskAt(rotating, { askedAt: 0, failures: 10 })).toBe(MAX_RETRY_MS);
  });
});
