"use client";

import type { NoteView } from "@/lib/domain/backroom-views";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { NoteForm } from "./note-form";
import { NoteList } from "./note-list";
import type { Report } from "./room-ui";

/** Timestamped quotes and summaries: what was heard, when, and what it says about the cause. */
export function NotesPanel({
  view,
  notes,
  onNote,
  report,
}: {
  view: StaffRoomView;
  notes: NoteView[];
  onNote: (n: NoteView) => void;
  report: Report;
}) {
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Notes</h3>
      <NoteForm view={view} onNote={onNote} report={report} />
      <NoteList view={view} notes={notes} />
    </div>
  );
}
