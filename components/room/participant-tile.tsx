"use client";

import type { Track } from "livekit-client";
import type { ReactNode } from "react";
import { VideoView } from "./track-views";

export type TileStrings = { you: string; muted: string; poorConnection: string };

export type TilePerson = {
  identity: string;
  name: string;
  isLocal: boolean;
  micOn: boolean;
  weak: boolean;
  speaking: boolean;
  video: Track | null;
};

function MicOffIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4 shrink-0 fill-none stroke-current stroke-2">
      <path d="M9 9v3a3 3 0 0 0 5.1 2.1M15 9.3V5a3 3 0 0 0-5.9-.7M19 11a7 7 0 0 1-1.2 3.9M5 11a7 7 0 0 0 11.3 5.5M12 18v3M3 3l18 18" />
    </svg>
  );
}

/**
 * One person, as in LiveKit Meet: their camera (or their initial), their name and role on the
 * picture, a ring while they speak, and a crossed-out microphone while theirs is off. `extra`
 * (staff only) sits under the picture.
 */
export function ParticipantTile({
  person,
  role,
  strings,
  extra,
}: {
  person: TilePerson;
  role: string;
  strings: TileStrings;
  extra?: ReactNode;
}) {
  const initial = (person.name.trim()[0] ?? "?").toUpperCase();
  return (
    <li
      data-identity={person.identity}
      data-speaking={person.speaking}
      className={`overflow-hidden rounded-xl bg-white transition-shadow ${person.speaking ? "ring-4 ring-green-600" : "ring-1 ring-slate-300"}`}
    >
      <div className="relative aspect-video bg-slate-800">
        {person.video ? (
          <VideoView track={person.video} mirror={person.isLocal} />
        ) : (
          <div className="absolute inset-0 grid place-items-center" aria-hidden="true">
            <span className="grid size-14 place-items-center rounded-full bg-slate-600 text-2xl font-semibold text-white sm:size-16">
              {initial}
            </span>
          </div>
        )}
        <div className="absolute inset-x-0 bottom-0 flex items-center gap-2 bg-slate-950/80 px-2 py-1 text-sm text-white">
          {!person.micOn && (
            <span className="flex items-center gap-1" title={strings.muted}>
              <MicOffIcon />
              <span className="sr-only">{strings.muted}</span>
            </span>
          )}
          <span className="min-w-0 truncate font-medium">
            {person.name}
            {person.isLocal ? ` (${strings.you})` : ""}
          </span>
          {role && <span className="shrink-0 rounded bg-white/20 px-1.5 text-xs">{role}</span>}
          {person.weak && (
            <span className="ml-auto shrink-0 rounded bg-amber-200 px-1.5 text-xs text-amber-950">
              {strings.poorConnection}
            </span>
          )}
        </div>
      </div>
      {extra && <div className="p-2 text-slate-900">{extra}</div>}
    </li>
  );
}
