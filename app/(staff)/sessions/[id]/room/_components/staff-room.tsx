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
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import type { SpeedDatingView } from "@/server/rooms/speed-dating";
import { loadRoomAction } from "../actions";
import { BackroomPanel } from "./backroom-panel";
import { CaptionBox } from "./caption-box";
import { PersonControls } from "./person-controls";
import { upsert } from "./room-ui";
import { SpeedDatingOverview } from "./speed-dating-overview";

/**
 * The facilitator's and staff's room: the live room plus moderation, floor control and the
 * backroom. State comes from the database on load (and again after a reconnect); live changes
 * arrive as staff-only data messages, each carrying the rows as saved.
 */
export function StaffRoom({
  initial,
  strings,
  speedDating = null,
  roundStrings,
}: {
  initial: StaffRoomView;
  strings: RoomStrings;
  /** Speed dating: every table and the rotation, for the facilitator's overview. */
  speedDating?: SpeedDatingView | null;
  roundStrings?: RoundTimerStrings;
}) {
  const [view, setView] = useState(initial);
  const [questions, setQuestions] = useState<QuestionView[]>(initial.backroom.questions);
  const [notes, setNotes] = useState<NoteView[]>(initial.backroom.notes);
  const [log, setLog] = useState<ModerationEntry[]>(initial.moderation.entries);
  const [message, setMessage] = useState<string | null>(null);
  const sessionId = initial.session.id;

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
      <CaptionBox view={view} report={report} />
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
    p.isLocal || !view.canModerate ? null : (
      <PersonControls person={p} view={view} log={log} onModeration={onModeration} report={report} />
    );

  return (
    <RoomClient
      sessionId={sessionId}
      strings={strings}
      defaultAudioOnly
      panel={panel}
      personExtra={personExtra}
      roundStrings={roundStrings}
    />
  );
}
