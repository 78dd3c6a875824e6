"use client";

import type { Track } from "livekit-client";
import { useEffect, useRef } from "react";

// React owns the elements; LiveKit only attaches its track to them and detaches on cleanup. An
// element leaves the page with its tile (unsubscribe, leave, disconnect, reconnect), so there is
// never a video box left over from a track that is gone.

/** Attaches `track` to the element behind the returned ref while both exist. */
function useAttached<E extends HTMLMediaElement>(track: Track) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);
  return ref;
}

/** A camera picture; the local one is mirrored, as in every video call. */
export function VideoView({ track, mirror = false }: { track: Track; mirror?: boolean }) {
  const ref = useAttached<HTMLVideoElement>(track);
  return (
    <video
      ref={ref}
      data-kind="video"
      autoPlay
      muted
      playsInline
      className={`absolute inset-0 size-full object-cover ${mirror ? "-scale-x-100" : ""}`}
    />
  );
}

/** A remote voice, played by an element nobody sees. */
export function AudioView({ track }: { track: Track }) {
  const ref = useAttached<HTMLAudioElement>(track);
  return (
    // biome-ignore lint/a11y/useMediaCaption: live speech, captioned by the room's caption area (a human captioner)
    <audio ref={ref} data-kind="audio" autoPlay className="hidden" />
  );
}
