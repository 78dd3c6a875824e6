"use client";

import { useEffect, useState } from "react";
import { roundAt } from "@/lib/speed-dating";

export type RoundTimerStrings = {
  /** "Table {table} · Round {round} of {rounds}" */
  tableRound: string;
  /** "{time} left in this round" */
  timeLeft: string;
  waiting: string;
  over: string;
  /** What happens at the boundary, for the person reading it (staff move, customers stay). */
  hint: string;
};

export type RoundClock = {
  table: number;
  tables: number;
  roundMinutes: number;
  startedAt: number | null;
  /** Server time minus this browser's time, so every browser counts down to the same instant. */
  skewMs: number;
};

const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Ticks once a second; the round and time left come from startedAt on the server's clock. */
export function useServerNow(skewMs: number): number {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    const tick = () => setNow(Date.now() + skewMs);
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [skewMs]);
  return now;
}

/** The shared round timer: which table this person is at, which round, and the time left. */
export function RoundTimer({ clock, strings }: { clock: RoundClock; strings: RoundTimerStrings }) {
  const now = useServerNow(clock.skewMs);
  const state = roundAt(clock.startedAt, clock.roundMinutes, clock.tables, now);
  const left = state.endsAt === null ? null : state.endsAt - now;
  return (
    <section
      aria-label={fill(strings.tableRound, {
        table: clock.table,
        round: state.round + 1,
        rounds: state.rounds,
      })}
      data-table={clock.table}
      data-round={state.round + 1}
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-indigo-950 p-4 text-white"
    >
      <div>
        <p className="text-xl font-bold">
          {fill(strings.tableRound, { table: clock.table, round: state.round + 1, rounds: state.rounds })}
        </p>
        {/* Nobody moves after the last round, so the hint would promise something that never happens. */}
        {state.round < state.rounds - 1 && <p className="text-sm text-indigo-100">{strings.hint}</p>}
      </div>
      <p className="font-mono text-2xl tabular-nums" aria-live="off" data-time-left={left ?? ""}>
        {state.over
          ? strings.over
          : left === null
            ? strings.waiting
            : fill(strings.timeLeft, { time: mmss(left) })}
      </p>
    </section>
  );
}
