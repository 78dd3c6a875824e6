"use client";

import { useState } from "react";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { captionAction } from "../actions";
import { btn, type Report } from "./room-ui";

/** A human captioner types here; each line goes to everyone in the room and is not stored. */
export function CaptionBox({ view, report }: { view: StaffRoomView; report: Report }) {
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
