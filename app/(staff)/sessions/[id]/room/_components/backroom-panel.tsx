"use client";

import type { RoomPanelContext } from "@/components/room/room-client";
import type { NoteView, QuestionView } from "@/lib/domain/backroom-views";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { FloorControl } from "./floor-control";
import { ModerationLog } from "./moderation-log";
import { NotesPanel } from "./notes-panel";
import { QuestionQueue } from "./question-queue";
import type { Report } from "./room-ui";
import { useBackroomMessages, useReloadOnReconnect } from "./use-backroom-messages";

/** The staff-only side of the room: floor, question queue, notes and the moderation log. */
export function BackroomPanel({
  ctx,
  view,
  questions,
  notes,
  log,
  message,
  onQuestions,
  onNote,
  onModeration,
  onReload,
  report,
}: {
  ctx: RoomPanelContext;
  view: StaffRoomView;
  questions: QuestionView[];
  notes: NoteView[];
  log: ModerationEntry[];
  message: string | null;
  onQuestions: (q: QuestionView[]) => void;
  onNote: (n: NoteView) => void;
  onModeration: (e: ModerationEntry) => void;
  onReload: () => Promise<void>;
  report: Report;
}) {
  useBackroomMessages(ctx.room, (msg) => {
    if (msg.type === "question") onQuestions(msg.questions);
    else if (msg.type === "note") onNote(msg.note);
    else if (msg.type === "moderation") onModeration(msg.entry);
  });
  useReloadOnReconnect(ctx.room, onReload);
  return (
    <section
      aria-labelledby="backroom-h"
      className="space-y-6 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <h2 id="backroom-h" className="text-xl font-bold">
        Backroom{" "}
        <span className="text-sm font-normal text-slate-600">(staff only — customers never see this)</span>
      </h2>
      {message && (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      )}
      {view.canModerate && !ctx.ended && <FloorControl ctx={ctx} view={view} report={report} />}
      <QuestionQueue view={view} questions={questions} onQuestions={onQuestions} report={report} />
      <NotesPanel view={view} notes={notes} onNote={onNote} report={report} />
      <ModerationLog view={view} log={log} />
    </section>
  );
}
