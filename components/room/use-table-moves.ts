"use client";

import type { RemoteParticipant, Room } from "livekit-client";
import { useEffect, useRef } from "react";
import { type AskPlan, nextAskAt } from "@/lib/speed-dating";
import { livekit, roomMessages } from "./livekit";

/**
 * Keeps a speed-dating page at the right table by asking the server again (`ask`): rotating staff
 * just after their round ends, everyone now and then before the start, and everyone at once when
 * the server announces the round clock, after a reconnect (messages sent meanwhile are lost) and
 * when the tab is shown again. The wall clock is compared every second rather than arming one
 * long timer, so a timer fired late (a sleeping laptop, a throttled tab) only delays the move
 * until the page runs again. A failed ask is retried with a growing wait; `onFailure` hears each
 * consecutive failure, so the page can say so or stop (by no longer being `active`).
 */
export function useTableMoves({
  room,
  plan,
  active,
  ask,
  onFailure,
}: {
  /** Null until the first Join (nothing to move before it). */
  room: Room | null;
  /** From the last token answer; null when the session has no tables. */
  plan: AskPlan | null;
  /** In a table room (or moving between two): asking makes sense. */
  active: boolean;
  /** Asks the server where this person sits now and reconnects there if that changed. */
  ask: () => Promise<void>;
  /** Each consecutive failure, with its count (the page may stop by becoming inactive). */
  onFailure: (failures: number, error: unknown) => void;
}): void {
  const latest = useRef({ plan, active, ask, onFailure });
  useEffect(() => {
    latest.current = { plan, active, ask, onFailure };
  });

  useEffect(() => {
    if (!room) return;
    const { RoomEvent } = livekit();
    const last = { askedAt: Date.now(), failures: 0 };
    let busy = false;
    let askAgain = false;
    let stopped = false;
    const run = async (now: boolean) => {
      const current = latest.current;
      if (stopped || !current.plan || !current.active) return;
      if (busy) {
        // Told to ask while an answer is on its way: ask once more after it, it may be stale.
        askAgain ||= now;
        return;
      }
      if (!now) {
        const due = nextAskAt(current.plan, last);
        if (due === null || Date.now() < due) return;
      }
      busy = true;
      last.askedAt = Date.now();
      try {
        await current.ask();
        last.failures = 0;
      } catch (error) {
        last.failures += 1;
        if (!stopped) latest.current.onFailure(last.failures, error);
      } finally {
        busy = false;
      }
      if (askAgain) {
        askAgain = false;
        void run(true);
      }
    };
    const tick = setInterval(() => void run(false), 1000);
    const onVisible = () => {
      if (document.visibilityState === "visible") void run(false);
    };
    // The sender comes from the packet itself (the last argument): a participant this page has not
    // been told about yet (LiveKit batches announcements) arrives with no RemoteParticipant, and must
    // not pass for the server, whose packets carry no identity at all.
    const onData = (
      payload: Uint8Array,
      from?: RemoteParticipant,
      _k?: unknown,
      topic?: string,
      _encryption?: unknown,
      senderIdentity?: string,
    ) => {
      // Only the server announces the clock (its messages have no sender).
      if (
        roomMessages().decodeRoomMessage(topic, payload, from?.identity || senderIdentity)?.topic ===
        "round-clock"
      )
        void run(true);
    };
    const onReconnected = () => void run(true);
    document.addEventListener("visibilitychange", onVisible);
    room.on(RoomEvent.DataReceived, onData).on(RoomEvent.Reconnected, onReconnected);
    return () => {
      stopped = true;
      clearInterval(tick);
      document.removeEventListener("visibilitychange", onVisible);
      room.off(RoomEvent.DataReceived, onData).off(RoomEvent.Reconnected, onReconnected);
    };
  }, [room]);
}
