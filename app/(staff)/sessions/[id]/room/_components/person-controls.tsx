"use client";

import { useState } from "react";
import type { Person } from "@/components/room/room-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  MODERATION_CATEGORIES,
  type ModerationCategory,
  type ModerationStep,
  stepAllowed,
} from "@/lib/domain/moderation";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { moderateAction, muteAction } from "../actions";
import { btn, CATEGORY_LABEL, type Report, STEP_LABEL } from "./room-ui";

/** Beside each participant, for those who run the room: mute, and the moderation ladder for guests. */
export function PersonControls({
  person,
  view,
  log,
  onModeration,
  report,
  categories,
  onCategory,
}: {
  person: Person;
  view: StaffRoomView;
  log: ModerationEntry[];
  onModeration: (e: ModerationEntry) => void;
  report: Report;
  /** The reason chosen per invitation, kept by the room page across reconnects. */
  categories: Readonly<Record<string, ModerationCategory>>;
  onCategory: (invitationId: string, category: ModerationCategory) => void;
}) {
  const [busy, setBusy] = useState(false);
  const guest = view.guests.find((g) => g.identity === person.identity);
  const category: ModerationCategory = (guest && categories[guest.invitationId]) || "interrupting";
  const sessionId = view.session.id;
  const act = async (fn: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(true);
    report(await fn());
    setBusy(false);
  };
  const mute = person.micTrackSid ? (
    <button
      type="button"
      className={btn}
      disabled={busy}
      onClick={() =>
        act(() => muteAction({ sessionId, identity: person.identity, trackSid: person.micTrackSid! }))
      }
    >
      Mute {person.name}
    </button>
  ) : null;
  if (!guest) return mute ? <div className="flex flex-wrap gap-2">{mute}</div> : null;
  const done = log.filter((e) => e.invitationId === guest.invitationId).map((e) => e.step);
  const prior = view.moderation.priorByCustomer[guest.customerId] ?? 0;
  // The same ladder the server enforces: only the step it would accept is offered.
  const allowed = (step: ModerationStep) => stepAllowed(done, { step, category });
  const step = async (s: ModerationStep) =>
    act(async () => {
      const res = await moderateAction({
        sessionId,
        invitationId: guest.invitationId,
        step: s,
        category,
        note: "",
      });
      if (res.ok) onModeration(res.data);
      return res;
    });
  return (
    <div className="space-y-2 text-sm">
      {done.length > 0 && (
        <p className="text-amber-900">Ladder: {done.map((d) => STEP_LABEL[d]).join(" → ")}</p>
      )}
      {prior > 0 && <p className="text-amber-900">Earlier sessions: {prior} moderation step(s) on record</p>}
      <label className="block">
        <span className="sr-only">Reason for {person.name}</span>
        <select
          aria-label={`Reason for ${person.name}`}
          value={category}
          onChange={(e) => guest && onCategory(guest.invitationId, e.target.value as ModerationCategory)}
          className="w-full rounded-md border border-slate-300 p-1"
        >
          {MODERATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap gap-2">
        {mute}
        <button
          type="button"
          className={btn}
          disabled={busy || !allowed("warning_1")}
          onClick={() => step("warning_1")}
        >
          Warning 1
        </button>
        <button
          type="button"
          className={btn}
          disabled={busy || !allowed("warning_2")}
          onClick={() => step("warning_2")}
        >
          Warning 2 (states the consequence)
        </button>
        <ConfirmDialog
          trigger={`Remove ${person.name}`}
          triggerClass={`${btn} text-red-800`}
          triggerDisabled={busy || !allowed("removal")}
          busy={busy}
          title={`Remove ${person.name} from the session?`}
          confirmLabel="Yes, remove"
          cancelLabel="Keep them in the room"
          onConfirm={() => step("removal")}
        >
          <p>They are disconnected at once and cannot rejoin this session. This is logged on their record.</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}
