"use client";

import type * as LivekitClient from "livekit-client";
import type * as RoomMessages from "@/lib/room-messages";

// livekit-client is about 150 kB gzip and the room messages' schemas bring zod/mini: both are
// loaded when the person presses Join, never with the page, so the room page is small and quick to
// become interactive. Everything in the room reaches their values (RoomEvent, Track, the message
// decoder) through `livekit()` and `roomMessages()`, which only run once a Room exists; type-only
// imports cost nothing.
let loaded: { lk: typeof LivekitClient; messages: typeof RoomMessages } | null = null;

export async function loadLivekit(): Promise<typeof LivekitClient> {
  if (!loaded) {
    const [lk, messages] = await Promise.all([import("livekit-client"), import("@/lib/room-messages")]);
    loaded ??= { lk, messages };
  }
  return loaded.lk;
}

function need() {
  if (!loaded) throw new Error("livekit-client is not loaded yet");
  return loaded;
}

/** The loaded module; only called by code that runs with a Room, which `loadLivekit` came before. */
export const livekit = (): typeof LivekitClient => need().lk;

/** lib/room-messages, loaded with livekit-client. */
export const roomMessages = (): typeof RoomMessages => need().messages;
