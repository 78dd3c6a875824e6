"use client";

import { ConnectionState, type Participant, type RemoteTrack, Room, RoomEvent, Track } from "livekit-client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export type RoomStrings = {
  intro: string;
  audioOnly: string;
  join: string;
  leave: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  disconnected: string;
  failed: string;
  you: string;
  muted: string;
  mute: string;
  unmute: string;
  listeners: string;
};

type Phase = "prejoin" | "connecting" | "connected" | "reconnecting" | "disconnected" | "failed";
type Person = { identity: string; name: string; speaking: boolean; micOn: boolean; isLocal: boolean };

function snapshot(room: Room): Person[] {
  const all: Participant[] = [room.localParticipant, ...room.remoteParticipants.values()];
  return all.map((p) => ({
    identity: p.identity,
    name: p.name || p.identity,
    speaking: p.isSpeaking,
    micOn: p.isMicrophoneEnabled,
    isLocal: p === room.localParticipant,
  }));
}

/**
 * The live room. One Room per page (created once), listeners attached and removed in an effect;
 * the token comes from our server for this session, never from the address bar.
 */
export function RoomClient({
  sessionId,
  strings,
  defaultAudioOnly = false,
}: {
  sessionId: string;
  strings: RoomStrings;
  defaultAudioOnly?: boolean;
}) {
  const room = useMemo(() => new Room(), []);
  const [phase, setPhase] = useState<Phase>("prejoin");
  const [people, setPeople] = useState<Person[]>([]);
  const [audioOnly, setAudioOnly] = useState(defaultAudioOnly);
  const [error, setError] = useState<string | null>(null);
  const media = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const refresh = () => setPeople(snapshot(room));
    const onState = (state: ConnectionState) => {
      if (state === ConnectionState.Connected) setPhase("connected");
      else if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting)
        setPhase("reconnecting");
      else if (state === ConnectionState.Disconnected) setPhase((p) => (p === "failed" ? p : "disconnected"));
      refresh();
    };
    const onTrack = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Audio || track.kind === Track.Kind.Video) {
        const el = track.attach();
        el.dataset.kind = track.kind;
        if (track.kind === Track.Kind.Video) el.className = "w-full rounded-md bg-black";
        media.current?.appendChild(el);
      }
      refresh();
    };
    const onUntrack = (track: RemoteTrack) => {
      for (const el of track.detach()) el.remove();
      refresh();
    };
    room
      .on(RoomEvent.ConnectionStateChanged, onState)
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, refresh)
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.LocalTrackPublished, refresh)
      .on(RoomEvent.TrackSubscribed, onTrack)
      .on(RoomEvent.TrackUnsubscribed, onUntrack);
    return () => {
      room
        .off(RoomEvent.ConnectionStateChanged, onState)
        .off(RoomEvent.ParticipantConnected, refresh)
        .off(RoomEvent.ParticipantDisconnected, refresh)
        .off(RoomEvent.ActiveSpeakersChanged, refresh)
        .off(RoomEvent.TrackMuted, refresh)
        .off(RoomEvent.TrackUnmuted, refresh)
        .off(RoomEvent.LocalTrackPublished, refresh)
        .off(RoomEvent.TrackSubscribed, onTrack)
        .off(RoomEvent.TrackUnsubscribed, onUntrack);
      void room.disconnect();
    };
  }, [room]);

  const join = useCallback(async () => {
    setError(null);
    setPhase("connecting");
    try {
      const res = await fetch("/api/livekit/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sessionId }),
      });
      if (!res.ok) throw new Error(`token ${res.status}`);
      const { url, token } = (await res.json()) as { url: string; token: string };
      await room.connect(url, token);
      setPhase("connected");
      setPeople(snapshot(room));
      if (room.localParticipant.permissions?.canPublish) {
        await room.localParticipant.setMicrophoneEnabled(true).catch(() => setError(strings.muted));
        if (!audioOnly) await room.localParticipant.setCameraEnabled(true).catch(() => undefined);
      }
      setPeople(snapshot(room));
    } catch {
      setPhase("failed");
      setError(strings.failed);
    }
  }, [room, sessionId, audioOnly, strings]);

  const toggleMic = async () => {
    await room.localParticipant.setMicrophoneEnabled(!room.localParticipant.isMicrophoneEnabled);
    setPeople(snapshot(room));
  };

  const status = {
    prejoin: "",
    connecting: strings.connecting,
    connected: strings.connected,
    reconnecting: strings.reconnecting,
    disconnected: strings.disconnected,
    failed: strings.failed,
  }[phase];
  const me = people.find((p) => p.isLocal);

  return (
    <div className="space-y-4">
      <p
        role="status"
        aria-live="polite"
        data-phase={phase}
        className={
          phase === "reconnecting" || phase === "failed"
            ? "rounded-md bg-amber-100 p-3 font-semibold text-amber-950"
            : "text-slate-700"
        }
      >
        {status}
      </p>
      {error && phase !== "failed" && <p className="text-red-800">{error}</p>}
      {(phase === "prejoin" || phase === "failed" || phase === "disconnected") && (
        <div className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p>{strings.intro}</p>
          <div className="flex items-center gap-3">
            <input
              id="audio-only"
              type="checkbox"
              checked={audioOnly}
              onChange={(e) => setAudioOnly(e.target.checked)}
              className="size-5 accent-blue-700"
            />
            <label htmlFor="audio-only">{strings.audioOnly}</label>
          </div>
          <button
            type="button"
            onClick={join}
            className="min-h-11 rounded-md bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800"
          >
            {strings.join}
          </button>
        </div>
      )}
      {(phase === "connected" || phase === "reconnecting") && (
        <div className="space-y-4">
          <ul aria-label={strings.listeners} className="grid gap-2 sm:grid-cols-2">
            {people.map((p) => (
              <li
                key={p.identity}
                data-identity={p.identity}
                className={`flex items-center justify-between rounded-md bg-white p-3 ring-2 ${p.speaking ? "ring-green-600" : "ring-slate-200"}`}
              >
                <span className="font-medium">
                  {p.name}
                  {p.isLocal ? ` (${strings.you})` : ""}
                </span>
                {!p.micOn && <span className="text-sm text-slate-600">{strings.muted}</span>}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            {room.localParticipant.permissions?.canPublish && (
              <button
                type="button"
                onClick={toggleMic}
                aria-pressed={!me?.micOn}
                className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-100"
              >
                {me?.micOn ? strings.mute : strings.unmute}
              </button>
            )}
            <button
              type="button"
              onClick={() => void room.disconnect()}
              className="min-h-11 rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800"
            >
              {strings.leave}
            </button>
          </div>
        </div>
      )}
      <div ref={media} className="grid gap-2 sm:grid-cols-2" />
    </div>
  );
}
