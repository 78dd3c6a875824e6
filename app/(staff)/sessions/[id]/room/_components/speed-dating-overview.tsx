"use client";

import type { RoomPanelContext } from "@/components/room/room-client";
import { useServerNow } from "@/components/room/round-timer";
import { roundAt, tableOf } from "@/lib/speed-dating";
import type { SpeedDatingView } from "@/server/rooms/speed-dating";

/**
 * The facilitator's view of every table in the current round: who sits there, which staff are
 * there now, and a button to join that table. Computed from the same clock as everyone's timer.
 */
export function SpeedDatingOverview({ view, ctx }: { view: SpeedDatingView; ctx: RoomPanelContext }) {
  const skew = ctx.placement?.skewMs ?? 0;
  const now = useServerNow(skew);
  const startedAt = ctx.placement?.startedAt ?? view.startedAt;
  const state = roundAt(startedAt, view.roundMinutes, view.tables, now);
  const here = ctx.connected ? ctx.placement?.table : undefined;
  return (
    <section aria-labelledby="tables-h" className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="tables-h" className="text-xl font-bold">
        Tables — round {state.round + 1} of {state.rounds}
        {!state.started && (
          <span className="text-sm font-normal text-slate-600"> (starts with the session)</span>
        )}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {Array.from({ length: view.tables }, (_, i) => {
          const n = i + 1;
          const staffHere = view.rotation.filter((r) => tableOf(r.slot, state.round, view.tables) === i);
          const guests = view.guests.filter((g) => g.table === n);
          return (
            <li
              key={n}
              data-table-card={n}
              className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-semibold">Table {n}</h3>
                {here === n ? (
                  <span className="rounded-full bg-green-100 px-2 py-0.5 text-sm text-green-900">
                    You are here
                  </span>
                ) : (
                  <button
                    type="button"
                    disabled={!ctx.connected}
                    onClick={() => void ctx.switchTable(n)}
                    className="min-h-9 rounded-md px-3 py-1 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50"
                  >
                    Join table {n}
                  </button>
                )}
              </div>
              <p className="text-sm">
                <span className="font-medium">Staff now:</span>{" "}
                {staffHere.length ? staffHere.map((s) => s.name).join(", ") : "nobody this round"}
              </p>
              <p className="text-sm">
                <span className="font-medium">Guests:</span>{" "}
                {guests.length ? guests.map((g) => g.name).join(", ") : "none seated"}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
