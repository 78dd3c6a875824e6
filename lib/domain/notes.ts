import type { ContactKind, NoteKind } from "./backroom";
import type { Emotion } from "./emotions";
import type { EvidenceSource } from "./insights";
import type { ListeningChannel } from "./listening";

/** A piece of evidence named in a form or URL: "room_note:<id>", "listening:<id>", "survey:<id>". */
export type EvidenceRef = { source: EvidenceSource; id: string };

const REF = /^(room_note|listening|survey):([0-9a-f-]{36})$/;

export const parseEvidenceRef = (s: string): EvidenceRef | null => {
  const m = REF.exec(s);
  return m ? { source: m[1] as EvidenceSource, id: m[2] as string } : null;
};
export const evidenceRef = (r: EvidenceRef) => `${r.source}:${r.id}`;

/** A note as triage lists it: a room note (with its moment in the session) or a listening-log entry. */
export type TriageNoteView = {
  ref: string;
  source: "room_note" | "listening";
  kind: NoteKind;
  text: string;
  emotion: Emotion;
  contact: ContactKind;
  department: string | null;
  customer: string | null;
  codes: { number: number; label: string }[];
  author: string;
  /** Room notes: seconds into the session; listening entries: null. */
  atSeconds: number | null;
  heardAt: Date;
  channel: ListeningChannel | null;
  insights: { id: string; title: string }[];
};

/** "1:05:09" / "4:07": a moment in a session. */
export function sessionClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, "0") : String(m);
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}
