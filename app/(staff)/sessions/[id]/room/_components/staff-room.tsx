"use client";

import { useCallback, useState } from "react";
import {
  type Person,
  RoomClient,
  type RoomPanelContext,
  type RoomStrings,
} from "@/components/room/room-client";
import type { RoundTimerStrings } from "@/components/room/round-timer";
import type { NoteView, QuestionView } from "@/lib/domain/backroom-views";
import type { ModerationCategory } from "@/lib/domain/moderation";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import type { SessionStatus } from "@/lib/domain/sessions";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import type { StoryTurn } from "@/lib/domain/story-turns";
import type { SpeedDatingView } from "@/server/rooms/speed-dating";
import { SessionStatusButtons } from "../../session-status-buttons";
import { loadRoomAction } from "../actions";
import { BackroomPanel } from "./backroom-panel";
import { CaptionBox } from "./caption-box";
import { PersonControls } from "./person-controls";
import { upsert } from "./room-ui";
import { SpeedDatingOverview } from "./speed-dating-overview";
import { StoryCircle } from "./story-circle";
import { useRaisedVoices } from "./use-raised-voices";

/**
 * The facilitator's and staff's room: the live room plus moderation, floor control and the
 * backroom. State comes from the database on load (and again after a reconnect); live changes
 * arrive as staff-only data messages, each carrying the rows as saved.
 */
/** Statuses only move forward (draft → scheduled → live → ended, or cancelled). */
const STATUS_ORDER: Record<SessionStatus, number> = {
  draft: 0,
  scheduled: 1,
  live: 2,
  ended: 3,
  cancelled: 3,
};
const later = (a: SessionStatus, b: SessionStatus) => (STATUS_ORDER[b] > STATUS_ORDER[a] ? b : a);

export function StaffRoom({
  initial,
  statusLabels,
  strings,
  speedDating = null,
  roundStrings,
  closed = false,
  story = null,
}: {
  initial: StaffRoomView;
  statusLabels: Record<SessionStatus, string>;
  strings: RoomStrings;
  /** Speed dating: every table and the rotation, for the facilitator's overview. */
  speedDating?: SpeedDatingView | null;
  roundStrings?: RoundTimerStrings;
  /** The session had already ended (or was cancelled) when the page loaded. */
  closed?: boolean;
  /** Story circle: the telling order and the gentle per-story length. */
  story?: { turns: StoryTurn[]; targetSeconds: number } | null;
}) {
  const [view, setView] = useState(initial);
  const [questions, setQuestions] = useState<QuestionView[]>(initial.backroom.questions);
  const [notes, setNotes] = useState<NoteView[]>(initial.backroom.notes);
  const [log, setLog] = useState<ModerationEntry[]>(initial.moderation.entries);
  const [message, setMessage] = useState<string | null>(null);
  // The reason chosen for each guest lives here, not in their tile: a tile goes when the guest's
  // connection drops and comes back new, and the next step must be logged under the same reason.
  const [categories, setCategories] = useState<Record<string, ModerationCategory>>({});
  const sessionId = initial.session.id;
  // Only those who run the room get the private raised-voice hint.
  const { raised, onLevels } = useRaisedVoices(initial.canModerate, initial.me.identity);

  const reload = useCallback(async () => {
    const res = await loadRoomAction({ sessionId });
    if (!res.ok) return;
    setView(res.data);
    setQuestions(res.data.backroom.questions);
    setNotes(res.data.backroom.notes);
    setLog(res.data.moderation.entries);
  }, [sessionId]);

  const report = (res: { ok: boolean; message?: string }) =>
    setMessage(res.ok ? null : (res.message ?? null));
  const onModeration = (e: ModerationEntry) => setLog((l) => upsert(l, [e]));

  const panel = (ctx: RoomPanelContext) => (
    <>
      {speedDating && view.canModerate && <SpeedDatingOverview view={speedDating} ctx={ctx} />}
      {story && !ctx.ended && (
        <StoryCircle
          ctx={ctx}
          sessionId={sessionId}
          canModerate={view.canModerate}
          initial={story}
          report={report}
        />
      )}
      {!ctx.ended && <CaptionBox view={view} report={report} />}
      <BackroomPanel
        ctx={ctx}
        view={view}
        questions={questions}
        notes={notes}
        log={log}
        message={message}
        onQuestions={(qs) => setQuestions((l) => upsert(l, qs))}
        onNote={(n) => setNotes((l) => upsert(l, [n]))}
        onModeration={onModeration}
        onReload={reload}
        report={report}
      />
    </>
  );

  const personExtra = (p: Person) =>
    // Nothing to offer (a staff member with the microphone off): no empty box under the picture.
    p.isLocal ||
    !view.canModerate ||
    (!p.micTrackSid &&
      !raised.has(p.identity) &&
      !view.guests.some((g) => g.identity === p.identity)) ? null : (
      <>
        {raised.has(p.identity) && (
          <p
            role="status"
            data-raised-voice
            className="mb-2 rounded-md bg-amber-100 px-2 py-1 text-sm text-amber-950"
          >
            {p.name}'s voice has been well above their usual level for a few seconds. A calm check-in may
            help. (Only you see this; it is not saved.)
          </p>
        )}
        <PersonControls
          person={p}
          view={view}
          log={log}
          onModeration={onModeration}
          report={report}
          categories={categories}
          onCategory={(invitationId, c) => setCategories((all) => ({ ...all, [invitationId]: c }))}
        />
      </>
    );

  // The newest of what this page loaded (a re-render after Start) and what it read since (the
  // server's start announcement, the room closing): never back to "Scheduled" once live.
  const status = later(initial.session.status, view.session.status);

  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Room</h1>
        <span
          role="status"
          className="rounded-full bg-slate-200 px-3 py-1 text-sm font-semibold"
          data-session-status={status}
        >
          {statusLabels[status]}
        </span>
        {view.canModerate && <SessionStatusButtons sessionId={sessionId} status={status} />}
      </div>
      <RoomClient
        sessionId={sessionId}
        strings={strings}
        defaultAudioOnly
        initiallyEnded={closed}
        panel={panel}
        panelTitle="Backroom"
        onLevels={initial.canModerate ? onLevels : undefined}
        personExtra={personExtra}
        roundStrings={roundStrings}
        onSessionChanged={() => void reload()}
        nameOf={(identity) => view.guests.find((g) => g.identity === identity)?.name}
      />
    </>
  );
}
