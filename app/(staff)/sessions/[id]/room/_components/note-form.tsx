"use client";

import { useEffect, useRef } from "react";
import { CodeNumberField } from "@/components/notes/code-number-field";
import { CodePicker } from "@/components/notes/code-picker";
import { CONTACT_KINDS, type ContactKind } from "@/lib/domain/backroom";
import type { NoteView } from "@/lib/domain/backroom-views";
import { EMOTIONS, type Emotion } from "@/lib/domain/emotions";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { addNoteAction } from "../actions";
import { btn, clock, type Report } from "./room-ui";

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  list.find((v) => v === value) ?? fallback;

/** Quick entry while listening: Alt+N jumps here from anywhere, Ctrl+Enter saves. */
export function NoteForm({
  view,
  onNote,
  report,
}: {
  view: StaffRoomView;
  onNote: (n: NoteView) => void;
  report: Report;
}) {
  const form = useRef<HTMLFormElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const startedAt = view.session.startedAt;
  const elapsed = () => (startedAt ? Math.max(0, Math.floor((Date.now() - startedAt) / 1000)) : 0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === "n") {
        e.preventDefault();
        textBox.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const save = async () => {
    const f = form.current;
    if (!f) return;
    const d = new FormData(f);
    const at = String(d.get("atSeconds") ?? "").trim();
    const res = await addNoteAction({
      sessionId: view.session.id,
      kind: d.get("kind") === "summary" ? "summary" : "quote",
      text: String(d.get("text") ?? ""),
      atSeconds: at === "" ? undefined : Number(at),
      reasonCodeIds: d.getAll("reasonCodeIds").map(String),
      codeNumbers: String(d.get("codeNumbers") ?? ""),
      emotion: oneOf<Emotion>(EMOTIONS, d.get("emotion"), "neutral"),
      contact: oneOf<ContactKind>(CONTACT_KINDS, d.get("contact"), "unknown"),
      departmentId: String(d.get("departmentId") ?? "") || null,
      customerId: String(d.get("customerId") ?? "") || null,
    });
    report(res);
    if (res.ok) {
      onNote(res.data);
      f.reset();
      textBox.current?.focus();
    }
  };
  return (
    <form
      ref={form}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="flex gap-4">
        <legend className="sr-only">Kind of note</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="kind" value="quote" defaultChecked /> Quote
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="kind" value="summary" /> Summary
        </label>
      </fieldset>
      <label htmlFor="note-text" className="block text-sm font-medium">
        Quote or summary (Alt+N to jump here, Ctrl+Enter to save)
      </label>
      <textarea
        id="note-text"
        name="text"
        ref={textBox}
        rows={3}
        className="w-full rounded-md border border-slate-300 p-2"
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm">
          Seconds into the session (blank = now, {clock(elapsed())})
          <input
            name="atSeconds"
            inputMode="numeric"
            className="mt-1 w-full rounded-md border border-slate-300 p-1"
          />
        </label>
        <label className="text-sm">
          Emotion
          <select name="emotion" className="mt-1 w-full rounded-md border border-slate-300 p-1">
            {EMOTIONS.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          First or repeat contact
          <select name="contact" className="mt-1 w-full rounded-md border border-slate-300 p-1">
            <option value="unknown">not known</option>
            <option value="first">first contact</option>
            <option value="repeat">repeat contact</option>
          </select>
        </label>
        <label className="text-sm">
          Department that caused it
          <select name="departmentId" className="mt-1 w-full rounded-md border border-slate-300 p-1">
            <option value="">—</option>
            {view.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Customer
          <select name="customerId" className="mt-1 w-full rounded-md border border-slate-300 p-1">
            <option value="">—</option>
            {view.guests.map((g) => (
              <option key={g.customerId} value={g.customerId}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CodeNumberField codes={view.reasonCodes} id="note-code-numbers" />
      <CodePicker codes={view.reasonCodes} legend="Reason codes (several allowed)" />
      <button type="submit" className={btn}>
        Save note
      </button>
    </form>
  );
}
