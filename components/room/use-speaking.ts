"use client";

import type { LocalTrackPublication, Participant, RemoteTrack, Room } from "livekit-client";
import { useEffect, useRef, useState } from "react";
import { livekit } from "./livekit";

// RMS level above which a voice counts as speaking; the fake and real microphones we tried sit far
// below it in silence and well above it when someone talks.
const SPEAKING_RMS = 0.02;
/** The same threshold on the receiver's audioLevel (0..1, linear, 1 = full scale). */
const SPEAKING_LEVEL = 0.02;

/**
 * Who is speaking, measured in this browser from the audio it already receives. LiveKit's server
 * sends active speakers too (used when present); measuring locally also works on the development
 * server, which sends none, and is where a raised-voice hint would start from.
 */
export function useSpeaking(
  room: Room | null,
  onLevels?: (levels: ReadonlyMap<string, number>, at: number) => void,
): ReadonlySet<string> {
  const [speaking, setSpeaking] = useState<ReadonlySet<string>>(new Set());
  const levelsTo = useRef(onLevels);
  levelsTo.current = onLevels;
  useEffect(() => {
    if (!room) return;
    const { RoomEvent, Track } = livekit();
    let ctx: AudioContext | null = null;
    const meters = new Map<string, { analyser: AnalyserNode; source: MediaStreamAudioSourceNode }>();
    const buffer = new Float32Array(512);
    const add = (identity: string, track: MediaStreamTrack | undefined) => {
      if (!track) return;
      ctx ??= new AudioContext();
      meters.get(identity)?.source.disconnect();
      const source = ctx.createMediaStreamSource(new MediaStream([track]));
      const analyser = ctx.createAnalyser();
      analyser.fftSize = buffer.length;
      source.connect(analyser);
      meters.set(identity, { analyser, source });
    };
    const drop = (identity: string) => {
      meters.get(identity)?.source.disconnect();
      meters.delete(identity);
    };
    // Remote audio: the level the browser measured on what it decoded (Chrome feeds no sound from
    // a remote WebRTC track into Web Audio unless it plays elsewhere, so analysers read silence).
    const receivers = new Map<string, RTCRtpReceiver>();
    const onSubscribed = (track: RemoteTrack, _pub: unknown, p: Participant) => {
      if (track.kind === Track.Kind.Audio && track.receiver) receivers.set(p.identity, track.receiver);
    };
    const onUnsubscribed = (track: RemoteTrack, _pub: unknown, p: Participant) => {
      if (track.kind === Track.Kind.Audio) receivers.delete(p.identity);
    };
    const onLocal = (pub: LocalTrackPublication) => {
      if (pub.kind === Track.Kind.Audio) add(room.localParticipant.identity, pub.track?.mediaStreamTrack);
    };
    const onLocalGone = (pub: LocalTrackPublication) => {
      if (pub.kind === Track.Kind.Audio) drop(room.localParticipant.identity);
    };
    const timer = setInterval(async () => {
      if (ctx?.state === "suspended") void ctx.resume();
      const now = new Set<string>();
      const levels = new Map<string, number>();
      for (const [identity, { analyser }] of meters) {
        analyser.getFloatTimeDomainData(buffer);
        let sum = 0;
        for (const s of buffer) sum += s * s;
        const rms = Math.sqrt(sum / buffer.length);
        levels.set(identity, rms);
        if (rms > SPEAKING_RMS) now.add(identity);
      }
      for (const [identity, receiver] of receivers) {
        const stats = await receiver.getStats().catch(() => null);
        stats?.forEach((r) => {
          if (r.type !== "inbound-rtp") return;
          const level = r.audioLevel ?? 0;
          levels.set(identity, level);
          if (level > SPEAKING_LEVEL) now.add(identity);
        });
      }
      levelsTo.current?.(levels, Date.now());
      setSpeaking((prev) => (prev.size === now.size && [...now].every((i) => prev.has(i)) ? prev : now));
    }, 300);
    room
      .on(RoomEvent.TrackSubscribed, onSubscribed)
      .on(RoomEvent.TrackUnsubscribed, onUnsubscribed)
      .on(RoomEvent.LocalTrackPublished, onLocal)
      .on(RoomEvent.LocalTrackUnpublished, onLocalGone);
    return () => {
      clearInterval(timer);
      room
        .off(RoomEvent.TrackSubscribed, onSubscribed)
        .off(RoomEvent.TrackUnsubscribed, onUnsubscribed)
        .off(RoomEvent.LocalTrackPublished, onLocal)
        .off(RoomEvent.LocalTrackUnpublished, onLocalGone);
      for (const id of [...meters.keys()]) drop(id);
      void ctx?.close();
    };
  }, [room]);
  return speaking;
}
