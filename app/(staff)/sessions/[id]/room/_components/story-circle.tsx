"use client";

import { useEffect, useState } from "react";
import type { RoomPanelContext } from "@/components/room/room-client";
import type { StoryTurn } from "@/lib/domain/story-turns";
import { storyTurnAction } from "../actions";
import { btn, clock, type Report } from "./room-ui";

const STATE_LABEL = { next: "Waiting", now: "Telling now", done: "Told" } as const;

/** Seconds since `from`, ticking once a second. */
function useElapsed(from: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (from === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [from]);
  return from === null ? 0 : Math.max(0, Math.floor((now - from) / 1000));
}

/**
 * Story circle: the telling order (next, now, done). The facilitator starts each story, moves
 * waiting guests up or down, and sees a gentle timer (nothing happens when it passes). Every page
 * in the room follows the order through the room's metadata.
 */
export function StoryCircle({
  ctx,
  sessionId,
  canModerate,
  initial,
  report,
}: {
  ctx: RoomPanelContext;
  sessionId: string;
  canModerate: boolean;
  initial: { turns: StoryTurn[]; targetSeconds: number };
  report: Report;
}) {
  const [turns, setTurns] = useState(initial.turns);
  const [busy, setBusy] = useState(false);
  // Another staff page moved the order: the room's metadata says so (names stay the full ones here).
  useEffect(() => {
    if (ctx.storyTurns.length === 0) return;
    setTurns((mine) => {
      const byIdentity = new Map(mine.map((t) => [t.identity, t]));
      return ctx.storyTurns.flatMap((r) => {
        const t = byIdentity.get(r.identity);
        return t ? [{ ...t, state: r.state, startedAt: r.startedAt }] : [];
      });
    });
  }, [ctx.storyTurns]);
  const now = turns.find((t) => t.state === "now") ?? null;
  const elapsed = useElapsed(now?.startedAt ?? null);
  const waiting = turns.filter((t) => t.state === "next");
  const act = async (action: "next" | "up" | "down", invitationId?: string) => {
    setBusy(true);
    const res = await storyTurnAction({ sessionId, action, invitationId });
    if (res.ok) setTurns(res.data);
    report(res);
    setBusy(false);
  };
  if (turns.length === 0) return null;
  const over = elapsed > initial.targetSeconds;
  return (
    <section aria-labelledby="story-h" className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="story-h" className="text-lg font-bold">
        Story circle
      </h2>
      {now ? (
        <p data-story-now={now.identity}>
          <span className="font-semibold">{now.name}</span> is telling their story ·{" "}
          <span
            className={`tabular-nums ${over ? "rounded bg-amber-100 px-1 text-amber-950" : "text-slate-700"}`}
            data-story-elapsed={elapsed}
          >
            {clock(elapsed)} of about {Math.round(initial.targetSeconds / 60)} min
          </span>
          {over && (
            <span className="block text-sm text-slate-700">
              Past the gentle length: no need to hurry them.
            </span>
          )}
        </p>
      ) : (
        <p className="text-slate-700">
          {waiting.length ? "Nobody is telling their story yet." : "Everyone has told their story."}
        </p>
      )}
      {canModerate && (waiting.length > 0 || now) && (
        <button type="button" className={btn} disabled={busy} onClick={() => void act("next")}>
          {now
            ? waiting.length
              ? `Next story: ${waiting[0]!.name}`
              : `${now.name} has finished`
            : `Start with ${waiting[0]!.name}`}
        </button>
      )}
      <ol aria-label="Telling order" className="space-y-1">
        {turns.map((t) => {
          const i = waiting.indexOf(t);
          return (
            <li
              key={t.invitationId}
              data-story-turn={t.state}
              className="flex flex-wrap items-center gap-2 text-sm"
            >
              <span
                className={`rounded-full px-2 py-0.5 ${t.state === "now" ? "bg-green-100 text-green-950" : "bg-slate-100 text-slate-800"}`}
              >
                {STATE_LABEL[t.state]}
              </span>
              <span className="font-medium">{t.name}</span>
              {t.heardFirstBy && (
                <span data-heard-first className="basis-full text-slate-700">
                  Placed first: asked for accommodations. Trained to support: {t.heardFirstBy.join(", ")}.
                </span>
              )}
              {canModerate && t.state === "next" && (
                <span className="ml-auto flex gap-1">
                  <button
                    type="button"
                    className={btn}
                    disabled={busy || i === 0}
                    aria-label={`Move ${t.name} up`}
                    onClick={() => void act("up", t.invitationId)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={btn}
                    disabled={busy || i === waiting.length - 1}
                    aria-label={`Move ${t.name} down`}
                    onClick={() => void act("down", t.invitationId)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
