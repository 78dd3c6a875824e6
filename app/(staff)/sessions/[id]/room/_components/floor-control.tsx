"use client";

import { useState } from "react";
import type { RoomPanelContext } from "@/components/room/room-client";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { floorAction } from "../actions";
import { btn, type Report } from "./room-ui";
import { useBackroomMessages } from "./use-backroom-messages";

function withMember(set: Set<string>, item: string, member: boolean): Set<string> {
  const next = new Set(set);
  if (member) next.add(item);
  else next.delete(item);
  return next;
}

/**
 * Observers may be hidden, and LiveKit hides them from everyone (staff included), so the floor
 * is offered from the session's staff list rather than from the participants LiveKit shows.
 */
export function FloorControl({
  ctx,
  view,
  report,
}: {
  ctx: RoomPanelContext;
  view: StaffRoomView;
  report: Report;
}) {
  const [granted, setGranted] = useState<Set<string>>(new Set());
  // The identity whose floor is being changed, and which way, until the server has applied it.
  const [pending, setPending] = useState<{ identity: string; grant: boolean } | null>(null);
  const { room, people } = ctx;
  useBackroomMessages(room, (msg) => {
    if (msg.type === "floor") setGranted((g) => withMember(g, msg.identity, msg.grant));
  });
  const observers = view.staff.filter((s) => s.roomRole === "observer" && s.id !== view.me.userId);
  if (observers.length === 0) return null;
  const holds = (identity: string) =>
    granted.has(identity) || people.some((p) => p.identity === identity && p.canPublish);
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Floor</h3>
      <ul className="flex flex-wrap gap-2">
        {observers.map((s) => {
          const has = holds(s.identity);
          const mine = pending?.identity === s.identity;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={btn}
                disabled={pending !== null}
                aria-busy={mine}
                data-floor-pending={mine ? (pending.grant ? "grant" : "revoke") : undefined}
                onClick={async () => {
                  setPending({ identity: s.identity, grant: !has });
                  const res = await floorAction({
                    sessionId: view.session.id,
                    identity: s.identity,
                    grant: !has,
                  });
                  report(res);
                  if (res.ok) setGranted((g) => withMember(g, s.identity, !has));
                  setPending(null);
                }}
              >
                {mine
                  ? pending.grant
                    ? `Giving ${s.name} the floor…`
                    : `Taking back the floor from ${s.name}…`
                  : has
                    ? `Take back the floor from ${s.name}`
                    : `Give ${s.name} the floor`}
              </button>
              {has && !mine && (
                <span className="ml-2 text-sm text-slate-700" data-floor-held={s.identity}>
                  {people.find((p) => p.identity === s.identity)?.micOn
                    ? "speaking"
                    : "asked to turn their microphone on"}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
