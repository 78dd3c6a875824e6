"use client";

import { useCallback, useRef, useState } from "react";
import { RaisedVoiceDetector } from "@/lib/raised-voice";

/**
 * Who in the room is speaking well above their own usual loudness right now (lib/raised-voice.ts).
 * Computed in this browser from the levels the room measures; kept in memory only, never sent or
 * stored. `onLevels` goes to the room; `raised` is read by the tiles.
 */
export function useRaisedVoices(enabled: boolean, selfIdentity: string) {
  const detector = useRef(new RaisedVoiceDetector());
  const [raised, setRaised] = useState<ReadonlySet<string>>(new Set());
  const onLevels = useCallback(
    (levels: ReadonlyMap<string, number>, at: number) => {
      if (!enabled) return;
      const now = new Set<string>();
      for (const [identity, level] of levels) {
        if (identity === selfIdentity) continue;
        if (detector.current.push(identity, level, at)) now.add(identity);
      }
      setRaised((prev) => (prev.size === now.size && [...now].every((i) => prev.has(i)) ? prev : now));
    },
    [enabled, selfIdentity],
  );
  return { raised, onLevels };
}
