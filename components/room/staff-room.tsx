"use client";

import { RoomEvent } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  addNoteAction,
  captionAction,
  floorAction,
  loadRoomAction,
  mergeQuestionsAction,
  moderateAction,
  muteAction,
  questionAction,
  submitQuestionAction,
} from "@/app/(staff)/sessions/[id]/room/actions";
import type { NoteView, QuestionView } from "@/server/rooms/backroom";
import type { ModerationEntry } from "@/server/rooms/moderation";
import type { SpeedDatingView } from "@/server/rooms/speed-dating";
import type { StaffRoomView } from "@/server/rooms/staff-room";
import { type Person, RoomClient, type RoomPanelContext, type RoomStrings } from "./room-client";
import type { RoundTimerStrings } from "./round-timer";
import { SpeedDatingOverview } from "./speed-dating-overview";

const CATEGORIES = [
  ["interrupting", "Repeated interrupting"],
  ["offensive_language", "Offensive language"],
  ["personal_attack", "Personal attack on someone present"],
  ["threat", "Threat (remove at once)"],
  ["discriminatory_abuse", "Racist, sexist, homophobic or other discriminatory abuse (remove at once)"],
  ["other", "Other"],
] as const;
const IMMEDIATE = new Set(["threat", "discriminatory_abuse"]);
const STEP_LABEL = { warning_1: "Warning 1", warning_2: "Warning 2", removal: "Removed" } as const;
const EMOTIONS = ["neutral", "pleased", "confused", "anxious", "frustrated", "angry", "sad"] as const;
const btn =
  "min-h-9 rounded-md px-3 py-1 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50";

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

function upsert<T extends { id: string }>(list: T[], items: T[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const i of items) byId.set(i.id, i);
  return [...byId.values()];
}

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

  const panel = (ctx: RoomPanelContext) => (
    <>
      {speedDating && view.canModerate && <SpeedDatingOverview view={speedDating} ctx={ctx} />}
      <CaptionBox view={view} report={report} />
      <Backroom
        ctx={ctx}
        view={view}
        questions={questions}
        notes={notes}
        log={log}
        message={message}
        onQuestions={(qs) => setQuestions((l) => upsert(l, qs))}
        onNote={(n) => setNotes((l) => upsert(l, [n]))}
        onModeration={(e) => setLog((l) => upsert(l, [e]))}
        onReload={reload}
        report={report}
      />
    </>
  );

  const personExtra = (p: Person, ctx: RoomPanelContext) =>
    p.isLocal || !view.canModerate ? null : (
      <PersonControls
        person={p}
        ctx={ctx}
        view={view}
        log={log}
        onModeration={(e) => setLog((l) => upsert(l, [e]))}
        report={report}
      />
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

function PersonControls({
  person,
  view,
  log,
  onModeration,
  report,
}: {
  person: Person;
  ctx: RoomPanelContext;
  view: StaffRoomView;
  log: ModerationEntry[];
  onModeration: (e: ModerationEntry) => void;
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const [category, setCategory] = useState<(typeof CATEGORIES)[number][0]>("interrupting");
  const [busy, setBusy] = useState(false);
  const guest = view.guests.find((g) => g.identity === person.identity);
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
  const can = {
    warning_1: !done.includes("warning_1") && !done.includes("removal"),
    warning_2: done.includes("warning_1") && !done.includes("warning_2") && !done.includes("removal"),
    removal: !done.includes("removal") && (done.includes("warning_2") || IMMEDIATE.has(category)),
  };
  const step = async (s: "warning_1" | "warning_2" | "removal") =>
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
          onChange={(e) => setCategory(e.target.value as typeof category)}
          className="w-full rounded-md border border-slate-300 p-1"
        >
          {CATEGORIES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap gap-2">
        {mute}
        <button
          type="button"
          className={btn}
          disabled={busy || !can.warning_1}
          onClick={() => step("warning_1")}
        >
          Warning 1
        </button>
        <button
          type="button"
          className={btn}
          disabled={busy || !can.warning_2}
          onClick={() => step("warning_2")}
        >
          Warning 2 (states the consequence)
        </button>
        <button
          type="button"
          className={`${btn} text-red-800`}
          disabled={busy || !can.removal}
          onClick={() => step("removal")}
        >
          Remove {person.name}
        </button>
      </div>
    </div>
  );
}

function Backroom({
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
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const { room } = ctx;
  const handlers = useRef({ onQuestions, onNote, onModeration, onReload });
  handlers.current = { onQuestions, onNote, onModeration, onReload };
  useEffect(() => {
    const onData = (payload: Uint8Array, _p?: unknown, _k?: unknown, topic?: string) => {
      if (topic !== "backroom") return;
      try {
        const msg = JSON.parse(new TextDecoder().decode(payload));
        if (msg.type === "question") handlers.current.onQuestions(msg.questions);
        else if (msg.type === "note") handlers.current.onNote(msg.note);
        else if (msg.type === "moderation") handlers.current.onModeration(msg.entry);
      } catch {
        // A malformed message changes nothing; the next load repairs any gap.
      }
    };
    // Whatever was broadcast while the connection was down is read back from the database.
    const onReconnected = () => void handlers.current.onReload();
    // A speed-dating move is a fresh connection (Connected, not Reconnected): reload then too.
    room
      .on(RoomEvent.DataReceived, onData)
      .on(RoomEvent.Reconnected, onReconnected)
      .on(RoomEvent.Connected, onReconnected);
    return () => {
      room
        .off(RoomEvent.DataReceived, onData)
        .off(RoomEvent.Reconnected, onReconnected)
        .off(RoomEvent.Connected, onReconnected);
    };
  }, [room]);

  const name = (identity: string) => view.guests.find((g) => g.identity === identity)?.name;
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
      {view.canModerate && <Floor ctx={ctx} view={view} report={report} />}
      <QuestionQueue view={view} questions={questions} onQuestions={onQuestions} report={report} />
      <Notes view={view} notes={notes} onNote={onNote} report={report} />
      <div>
        <h3 className="font-semibold">Moderation log</h3>
        {log.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing logged in this session.</p>
        ) : (
          <ul className="text-sm" aria-label="Moderation log">
            {log.map((e) => (
              <li key={e.id}>
                {new Date(e.createdAt).toISOString().slice(11, 19)} UTC — {STEP_LABEL[e.step]} for{" "}
                {name(`cust_${e.invitationId}`) ?? "a guest"} ({e.category.replaceAll("_", " ")}), by{" "}
                {e.actedByName}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** A human captioner types here; each line goes to everyone in the room and is not stored. */
function CaptionBox({
  view,
  report,
}: {
  view: StaffRoomView;
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const [text, setText] = useState("");
  return (
    <form
      className="space-y-1 rounded-lg bg-white p-4 ring-1 ring-slate-200"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await captionAction({ sessionId: view.session.id, text });
        report(res);
        if (res.ok) setText("");
      }}
    >
      <label htmlFor="caption-text" className="block font-semibold">
        Live captions (everyone sees these, guests included; not saved)
      </label>
      <div className="flex gap-2">
        <input
          id="caption-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="min-h-9 flex-1 rounded-md border border-slate-300 px-2"
        />
        <button type="submit" className={btn}>
          Send caption
        </button>
      </div>
    </form>
  );
}

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
function Floor({
  ctx,
  view,
  report,
}: {
  ctx: RoomPanelContext;
  view: StaffRoomView;
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const [granted, setGranted] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const { room, people } = ctx;
  useEffect(() => {
    const onData = (payload: Uint8Array, _p?: unknown, _k?: unknown, topic?: string) => {
      if (topic !== "backroom") return;
      try {
        const msg = JSON.parse(new TextDecoder().decode(payload));
        if (msg.type === "floor") setGranted((g) => withMember(g, msg.identity, Boolean(msg.grant)));
      } catch {
        // A malformed message changes nothing.
      }
    };
    room.on(RoomEvent.DataReceived, onData);
    return () => {
      room.off(RoomEvent.DataReceived, onData);
    };
  }, [room]);
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
          return (
            <li key={s.id}>
              <button
                type="button"
                className={btn}
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  const res = await floorAction({
                    sessionId: view.session.id,
                    identity: s.identity,
                    grant: !has,
                  });
                  report(res);
                  if (res.ok) setGranted((g) => withMember(g, s.identity, !has));
                  setBusy(false);
                }}
              >
                {has ? `Take back the floor from ${s.name}` : `Give ${s.name} the floor`}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function QuestionQueue({
  view,
  questions,
  onQuestions,
  report,
}: {
  view: StaffRoomView;
  questions: QuestionView[];
  onQuestions: (q: QuestionView[]) => void;
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const [text, setText] = useState("");
  const sessionId = view.session.id;
  const open = questions
    .filter((q) => q.status === "submitted" || q.status === "approved")
    .sort((a, b) => b.voterIds.length - a.voterIds.length || a.createdAt - b.createdAt);
  // Approved questions are for the facilitator to read out; nothing from the queue is ever sent to guests.
  const readOut = open.filter((q) => q.status === "approved");
  const asked = questions.filter((q) => q.status === "asked").sort((a, b) => a.createdAt - b.createdAt);
  const closed = questions.filter((q) => q.status === "merged" || q.status === "dismissed");
  const apply = (res: { ok: true; data: QuestionView | QuestionView[] } | { ok: false; message: string }) => {
    report(res);
    if (res.ok) onQuestions(Array.isArray(res.data) ? res.data : [res.data]);
  };
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Question queue</h3>
      {view.canModerate && (
        <div className="rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <h4 className="font-semibold">Read out next</h4>
          <p className="text-sm text-slate-700">
            Approved questions, most up-voted first. Guests hear them only when you read them out.
          </p>
          {readOut.length === 0 ? (
            <p className="text-sm text-slate-600">No approved questions yet.</p>
          ) : (
            <ol className="mt-2 list-decimal space-y-1 pl-6" aria-label="Read out next">
              {readOut.map((q) => (
                <li key={q.id} data-read-out={q.id}>
                  <span className="font-medium">{q.text}</span>{" "}
                  <button
                    type="button"
                    className={btn}
                    onClick={async () =>
                      apply(await questionAction({ sessionId, questionId: q.id, action: "asked" }))
                    }
                  >
                    Read it out (moves to asked)
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      <form
        className="flex gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await submitQuestionAction({ sessionId, text });
          apply(res);
          if (res.ok) setText("");
        }}
      >
        <label htmlFor="q-text" className="sr-only">
          Question for the guests
        </label>
        <input
          id="q-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Question for the guests"
          className="min-h-9 flex-1 rounded-md border border-slate-300 px-2"
        />
        <button type="submit" className={btn}>
          Submit question
        </button>
      </form>
      <ol className="space-y-2" aria-label="Open questions">
        {open.map((q) => (
          <li
            key={q.id}
            data-question={q.status}
            className="space-y-1 rounded-md bg-white p-2 ring-1 ring-slate-200"
          >
            <p>
              <span className="font-medium">{q.text}</span>{" "}
              <span className="text-sm text-slate-600">
                — {q.authorName}, {q.voterIds.length} vote{q.voterIds.length === 1 ? "" : "s"}, {q.status}
              </span>
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={btn}
                disabled={q.voterIds.includes(view.me.userId)}
                onClick={async () =>
                  apply(await questionAction({ sessionId, questionId: q.id, action: "vote" }))
                }
              >
                Up-vote
              </button>
              {view.canModerate && (
                <>
                  {q.status === "submitted" && (
                    <button
                      type="button"
                      className={btn}
                      onClick={async () =>
                        apply(await questionAction({ sessionId, questionId: q.id, action: "approve" }))
                      }
                    >
                      Approve
                    </button>
                  )}
                  <button
                    type="button"
                    className={btn}
                    onClick={async () =>
                      apply(await questionAction({ sessionId, questionId: q.id, action: "asked" }))
                    }
                  >
                    Mark asked
                  </button>
                  <button
                    type="button"
                    className={btn}
                    onClick={async () =>
                      apply(await questionAction({ sessionId, questionId: q.id, action: "dismiss" }))
                    }
                  >
                    Dismiss
                  </button>
                  {open.length > 1 && (
                    <select
                      aria-label={`Merge “${q.text}” into`}
                      className="rounded-md border border-slate-300 p-1 text-sm"
                      value=""
                      onChange={async (e) =>
                        e.target.value &&
                        apply(
                          await mergeQuestionsAction({ sessionId, questionId: q.id, intoId: e.target.value }),
                        )
                      }
                    >
                      <option value="">Merge into…</option>
                      {open
                        .filter((o) => o.id !== q.id)
                        .map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.text}
                          </option>
                        ))}
                    </select>
                  )}
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {asked.length > 0 && (
        <div>
          <h4 className="text-sm font-semibold">Asked</h4>
          <ul className="space-y-1" aria-label="Asked questions">
            {asked.map((q) => (
              <li key={q.id} data-question="asked" className="text-sm">
                <span>{q.text}</span>{" "}
                <span className="text-slate-600">
                  — {q.authorName}, {q.voterIds.length} vote{q.voterIds.length === 1 ? "" : "s"}, asked
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {closed.length > 0 && (
        <details>
          <summary className="text-sm">Merged and dismissed ({closed.length})</summary>
          <ul className="text-sm text-slate-600">
            {closed.map((q) => (
              <li key={q.id}>
                {q.text} — {q.status}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function Notes({
  view,
  notes,
  onNote,
  report,
}: {
  view: StaffRoomView;
  notes: NoteView[];
  onNote: (n: NoteView) => void;
  report: (r: { ok: boolean; message?: string }) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const startedAt = view.session.startedAt;
  const elapsed = () => (startedAt ? Math.max(0, Math.floor((Date.now() - startedAt) / 1000)) : 0);
  const numberOf = (id: string) => view.reasonCodes.find((r) => r.id === id)?.number ?? 0;
  const sortedCodes = (ids: string[]) => [...ids].sort((a, b) => numberOf(a) - numberOf(b));
  const codeLabel = (id: string) => {
    const c = view.reasonCodes.find((r) => r.id === id);
    return c ? `${c.number}. ${c.label}` : "";
  };
  useEffect(() => {
    // Alt+N jumps to the note box from anywhere on the page, for quick entry while listening.
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
      emotion: String(d.get("emotion") ?? "neutral") as (typeof EMOTIONS)[number],
      contact: String(d.get("contact") ?? "unknown") as "first" | "repeat" | "unknown",
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
  const sorted = [...notes].sort((a, b) => a.atSeconds - b.atSeconds || a.createdAt - b.createdAt);
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Notes</h3>
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
        <fieldset className="max-h-40 overflow-y-auto rounded-md border border-slate-300 p-2 text-sm">
          <legend>Reason codes (several allowed)</legend>
          {view.reasonCodes.map((c) => (
            <label key={c.id} className="flex items-center gap-2">
              <input type="checkbox" name="reasonCodeIds" value={c.id} /> {c.number}. {c.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={btn}>
          Save note
        </button>
      </form>
      <ol className="space-y-2" aria-label="Notes">
        {sorted.map((n) => (
          <li key={n.id} className="rounded-md bg-white p-2 text-sm ring-1 ring-slate-200">
            <p>
              <span className="font-mono">{clock(n.atSeconds)}</span>{" "}
              {n.kind === "quote" ? `“${n.text}”` : n.text}
            </p>
            <p className="text-slate-600">
              {n.emotion}, {n.contact} contact
              {n.departmentId && `, ${view.departments.find((d) => d.id === n.departmentId)?.name ?? ""}`}
              {n.customerId && `, ${view.guests.find((g) => g.customerId === n.customerId)?.name ?? ""}`}
              {n.reasonCodeIds.length > 0 && ` — ${sortedCodes(n.reasonCodeIds).map(codeLabel).join("; ")}`} —{" "}
              {n.authorName}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
