"use client";

import {
  ConnectionQuality,
  ConnectionState,
  DisconnectReason,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from "livekit-client";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ModerationStep } from "@/lib/domain/moderation";
import { shownInRoom } from "@/lib/room-attributes";
import { decodeRoomMessage } from "@/lib/room-messages";
import { hiddenListenersOf, participantRoleOf } from "@/lib/room-metadata";
import { type DeviceChoice, deviceErrorMessage, PreJoin, type PreJoinStrings } from "./pre-join";
import { type RoundClock, RoundTimer, type RoundTimerStrings } from "./round-timer";
import { useSpeaking } from "./use-speaking";
import { useTableMoves } from "./use-table-moves";

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
  /** Hidden listeners, with {count}: customers are told how many, never who. */
  hiddenOne: string;
  hiddenMany: string;
  captionsTitle: string;
  showCaptions: string;
  hideCaptions: string;
  captionsEmpty: string;
  roleFacilitator: string;
  roleSpeaker: string;
  roleObserver: string;
  poorConnection: string;
} & PreJoinStrings;

/** The private message a warned or removed customer sees, in their language. */
export type NoticeStrings = Record<ModerationStep, string> & { title: string };

type Phase =
  | "prejoin"
  | "connecting"
  | "moving"
  | "connected"
  | "reconnecting"
  | "disconnected"
  | "failed"
  | "removed";
export type Person = {
  identity: string;
  name: string;
  role: string;
  speaking: boolean;
  micOn: boolean;
  micTrackSid: string | null;
  canPublish: boolean;
  isLocal: boolean;
  weak: boolean;
};

function snapshot(room: Room): Person[] {
  const remote = [...room.remoteParticipants.values()].filter((p) => shownInRoom(p.attributes));
  const all: Participant[] = [room.localParticipant, ...remote];
  return all.map((p) => {
    const mic = p.getTrackPublication(Track.Source.Microphone);
    return {
      identity: p.identity,
      name: p.name || p.identity,
      role: participantRoleOf(p.metadata),
      speaking: p.isSpeaking,
      micOn: p.isMicrophoneEnabled,
      micTrackSid: mic && !mic.isMuted ? mic.trackSid : null,
      canPublish: p.permissions?.canPublish ?? false,
      isLocal: p === room.localParticipant,
      weak: p.connectionQuality === ConnectionQuality.Poor || p.connectionQuality === ConnectionQuality.Lost,
    };
  });
}

/** Speed dating: the table this connection is at and the shared clock (from the token answer). */
export type Placement = RoundClock & { moves: boolean; endsAt: number | null; over: boolean };

export type RoomPanelContext = {
  room: Room;
  people: Person[];
  connected: boolean;
  placement: Placement | null;
  /** Speed dating: reconnect at another table (only the facilitator may choose one). */
  switchTable: (table: number) => Promise<void>;
};

type TokenAnswer = {
  url: string;
  token: string;
  roomName: string;
  placement?: {
    table: number;
    tables: number;
    roundMinutes: number;
    startedAt: number | null;
    serverNow: number;
    moves: boolean;
    clock: { endsAt: number | null; over: boolean };
  };
};

/** After this many failed tries to reach the next table the page says so (and keeps trying). */
const MOVE_TRIES = 3;

/** The token route said no (not "try later"): asking again will not change the answer. */
class TokenRefused extends Error {}

/**
 * The live room. One Room per page (created once), listeners attached and removed in an effect;
 * the token comes from our server for this session, never from the address bar. Staff pages add
 * their controls through `panel`; customers get `notices` for private moderation messages.
 */
export function RoomClient({
  sessionId,
  strings,
  defaultAudioOnly = false,
  notices,
  initialNotice = null,
  panel,
  personExtra,
  defaultCaptions = false,
  roundStrings,
}: {
  sessionId: string;
  strings: RoomStrings;
  defaultAudioOnly?: boolean;
  notices?: NoticeStrings;
  initialNotice?: ModerationStep | null;
  panel?: (ctx: RoomPanelContext) => ReactNode;
  personExtra?: (person: Person, ctx: RoomPanelContext) => ReactNode;
  /** Open the captions area from the start (the guest asked for captions). */
  defaultCaptions?: boolean;
  /** Speed dating: the round timer's words. */
  roundStrings?: RoundTimerStrings;
}) {
  const room = useMemo(() => new Room(), []);
  const [phase, setPhase] = useState<Phase>(initialNotice === "removal" ? "removed" : "prejoin");
  const [people, setPeople] = useState<Person[]>([]);
  const [audioOnly, setAudioOnly] = useState(defaultAudioOnly);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<ModerationStep | null>(initialNotice);
  const [devices, setDevices] = useState<DeviceChoice>({});
  const [hidden, setHidden] = useState(0);
  const [captionsOn, setCaptionsOn] = useState(defaultCaptions);
  const [captions, setCaptions] = useState<{ at: number; text: string }[]>([]);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const moving = useRef(false);
  const media = useRef<HTMLDivElement>(null);
  const heard = useSpeaking(room);

  useEffect(() => {
    const refresh = () => setPeople(snapshot(room));
    const onState = (state: ConnectionState) => {
      if (state === ConnectionState.Connected) setPhase("connected");
      else if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting)
        setPhase("reconnecting");
      else if (state === ConnectionState.Disconnected)
        setPhase((p) => (p === "failed" || p === "removed" ? p : moving.current ? "moving" : "disconnected"));
      refresh();
    };
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.PARTICIPANT_REMOVED && notices) {
        setNotice("removal");
        setPhase("removed");
      }
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
    const onData = (payload: Uint8Array, _from?: RemoteParticipant, _kind?: unknown, topic?: string) => {
      const msg = decodeRoomMessage(topic, payload);
      if (msg?.topic === "caption") setCaptions((c) => [...c.slice(-4), { at: msg.at, text: msg.text }]);
      else if (msg?.topic === "notice" && notices) setNotice(msg.step);
    };
    const onMetadata = (metadata?: string) => setHidden(hiddenListenersOf(metadata));
    room
      .on(RoomEvent.RoomMetadataChanged, onMetadata)
      .on(RoomEvent.ConnectionStateChanged, onState)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.ParticipantPermissionsChanged, refresh)
      .on(RoomEvent.ParticipantAttributesChanged, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, refresh)
      .on(RoomEvent.ConnectionQualityChanged, refresh)
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.TrackPublished, refresh)
      .on(RoomEvent.TrackUnpublished, refresh)
      .on(RoomEvent.LocalTrackPublished, refresh)
      .on(RoomEvent.LocalTrackUnpublished, refresh)
      .on(RoomEvent.TrackSubscribed, onTrack)
      .on(RoomEvent.TrackUnsubscribed, onUntrack)
      .on(RoomEvent.DataReceived, onData);
    return () => {
      room
        .off(RoomEvent.RoomMetadataChanged, onMetadata)
        .off(RoomEvent.ConnectionStateChanged, onState)
        .off(RoomEvent.Disconnected, onDisconnected)
        .off(RoomEvent.ParticipantConnected, refresh)
        .off(RoomEvent.ParticipantDisconnected, refresh)
        .off(RoomEvent.ParticipantPermissionsChanged, refresh)
        .off(RoomEvent.ParticipantAttributesChanged, refresh)
        .off(RoomEvent.ActiveSpeakersChanged, refresh)
        .off(RoomEvent.ConnectionQualityChanged, refresh)
        .off(RoomEvent.TrackMuted, refresh)
        .off(RoomEvent.TrackUnmuted, refresh)
        .off(RoomEvent.TrackPublished, refresh)
        .off(RoomEvent.TrackUnpublished, refresh)
        .off(RoomEvent.LocalTrackPublished, refresh)
        .off(RoomEvent.LocalTrackUnpublished, refresh)
        .off(RoomEvent.TrackSubscribed, onTrack)
        .off(RoomEvent.TrackUnsubscribed, onUntrack)
        .off(RoomEvent.DataReceived, onData);
      void room.disconnect();
    };
  }, [room, notices]);

  /**
   * Asks our server where this person belongs now (speed dating: which table, by the server's
   * own seating and clock) and reconnects only when that is a different room than the current one.
   */
  const connectTo = useCallback(
    async (table?: number): Promise<boolean> => {
      const sentAt = Date.now();
      const res = await fetch("/api/livekit/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(table === undefined ? { sessionId } : { sessionId, table }),
      });
      if (!res.ok) {
        const refused = res.status >= 400 && res.status < 500 && res.status !== 429;
        throw refused ? new TokenRefused(`token ${res.status}`) : new Error(`token ${res.status}`);
      }
      // The server read its clock while answering: somewhere between sending and now, so the
      // middle is the best guess (taking "now" would make every slow answer a late clock).
      const midway = (sentAt + Date.now()) / 2;
      const answer = (await res.json()) as TokenAnswer;
      const p = answer.placement;
      setPlacement(
        p
          ? {
              table: p.table,
              tables: p.tables,
              roundMinutes: p.roundMinutes,
              startedAt: p.startedAt,
              skewMs: p.serverNow - midway,
              moves: p.moves,
              endsAt: p.clock.endsAt,
              over: p.clock.over,
            }
          : null,
      );
      const here = room.state !== ConnectionState.Disconnected && room.name === answer.roomName;
      if (here) return false;
      if (room.state !== ConnectionState.Disconnected) {
        moving.current = true;
        setPhase("moving");
        await room.disconnect();
      }
      // Still "moving" if this connect fails, so the next try (or Join) picks the move up again.
      await room.connect(answer.url, answer.token);
      moving.current = false;
      return true;
    },
    [room, sessionId],
  );

  const join = useCallback(async () => {
    setError(null);
    setPhase("connecting");
    try {
      await connectTo();
      setPhase("connected");
      setPeople(snapshot(room));
      setHidden(hiddenListenersOf(room.metadata));
      if (room.localParticipant.permissions?.canPublish) {
        // Joined either way: a device problem is explained, and the person can still listen.
        const deviceProblem = (e: unknown) => setError(deviceErrorMessage(e, strings));
        await room.localParticipant
          .setMicrophoneEnabled(true, devices.audioDeviceId ? { deviceId: devices.audioDeviceId } : undefined)
          .catch(deviceProblem);
        if (!audioOnly)
          await room.localParticipant
            .setCameraEnabled(true, devices.videoDeviceId ? { deviceId: devices.videoDeviceId } : undefined)
            .catch(deviceProblem);
      }
      setPeople(snapshot(room));
    } catch {
      setPhase("failed");
      setError(strings.failed);
    }
  }, [room, connectTo, audioOnly, strings, devices]);

  const publishAgain = useCallback(async () => {
    if (!room.localParticipant.permissions?.canPublish) return;
    await room.localParticipant
      .setMicrophoneEnabled(true, devices.audioDeviceId ? { deviceId: devices.audioDeviceId } : undefined)
      .catch((e: unknown) => setError(deviceErrorMessage(e, strings)));
  }, [room, devices, strings]);

  const switchTable = useCallback(
    async (table: number) => {
      try {
        if (await connectTo(table)) await publishAgain();
        setPhase("connected");
        setPeople(snapshot(room));
      } catch {
        setPhase("failed");
        setError(strings.failed);
      }
    },
    [room, connectTo, publishAgain, strings],
  );

  // Speed dating: rotating staff are moved at each round boundary (the server says which table is
  // next); everyone learns the clock when the session starts. Roaming pages ask for their table.
  const askWhereNow = useCallback(async () => {
    const out = room.state === ConnectionState.Disconnected;
    if (await connectTo(placement?.moves ? undefined : placement?.table)) {
      if (out) setError(null); // "could not connect" from the tries before this one
      await publishAgain();
      setPhase("connected");
      setPeople(snapshot(room));
    }
  }, [connectTo, publishAgain, room, placement?.moves, placement?.table]);
  const askFailed = useCallback(
    (failures: number, e: unknown) => {
      // Still in a room, the person stays where they are and the page keeps trying.
      if (room.state !== ConnectionState.Disconnected) return;
      if (e instanceof TokenRefused) {
        // Between two tables and refused (the session closed, off the staff list): asking again
        // will not help, so the page stops and offers Join.
        moving.current = false;
        setPhase("failed");
        setError(strings.failed);
      } else if (failures >= MOVE_TRIES) setError(strings.failed); // a busy server: told, still trying
    },
    [room, strings],
  );
  useTableMoves({
    room,
    plan: placement,
    active: phase === "connected" || phase === "reconnecting" || phase === "moving",
    ask: askWhereNow,
    onFailure: askFailed,
  });

  const toggleMic = async () => {
    await room.localParticipant.setMicrophoneEnabled(!room.localParticipant.isMicrophoneEnabled);
    setPeople(snapshot(room));
  };

  const status = {
    prejoin: "",
    connecting: strings.connecting,
    moving: strings.connecting,
    connected: strings.connected,
    reconnecting: strings.reconnecting,
    disconnected: strings.disconnected,
    failed: strings.failed,
    removed: "",
  }[phase];
  const me = people.find((p) => p.isLocal);
  // An observer given the floor speaks like a speaker; guests carry no label.
  const roleLabel = (p: Person) =>
    p.role === "facilitator"
      ? strings.roleFacilitator
      : p.role === "speaker" || (p.role === "observer" && p.canPublish)
        ? strings.roleSpeaker
        : p.role === "observer"
          ? strings.roleObserver
          : "";
  const inRoom = phase === "connected" || phase === "reconnecting";
  const ctx: RoomPanelContext = { room, people, connected: inRoom, placement, switchTable };

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
      {notice && notices && (
        <div
          role="alert"
          data-notice={notice}
          className="rounded-lg border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-950"
        >
          <p className="font-semibold">{notices.title}</p>
          <p className="mt-1">{notices[notice]}</p>
        </div>
      )}
      {error && phase !== "failed" && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
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
          <PreJoin strings={strings} audioOnly={audioOnly} onChoice={setDevices} />
          <button
            type="button"
            onClick={join}
            className="min-h-11 rounded-md bg-blue-700 px-5 py-2 font-semibold text-white hover:bg-blue-800"
          >
            {strings.join}
          </button>
        </div>
      )}
      {placement && roundStrings && (inRoom || phase === "moving") && (
        <RoundTimer clock={placement} strings={roundStrings} />
      )}
      {inRoom && (
        <div className="space-y-4">
          <ul aria-label={strings.listeners} className="grid gap-2 sm:grid-cols-2">
            {people.map((p) => (
              <li
                key={p.identity}
                data-identity={p.identity}
                data-speaking={p.speaking || heard.has(p.identity)}
                className={`space-y-2 rounded-md bg-white p-3 ${p.speaking || heard.has(p.identity) ? "ring-4 ring-green-600" : "ring-2 ring-slate-200"}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">
                    {p.name}
                    {p.isLocal ? ` (${strings.you})` : ""}
                    {roleLabel(p) && (
                      <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-sm font-normal text-slate-700">
                        {roleLabel(p)}
                      </span>
                    )}
                  </span>
                  <span className="flex gap-2 text-sm text-slate-600">
                    {p.weak && <span className="text-amber-900">{strings.poorConnection}</span>}
                    {!p.micOn && <span>{strings.muted}</span>}
                  </span>
                </div>
                {personExtra?.(p, ctx)}
              </li>
            ))}
          </ul>
          {hidden > 0 && (
            <p data-hidden-listeners={hidden} className="text-slate-700">
              {(hidden === 1 ? strings.hiddenOne : strings.hiddenMany).replace("{count}", String(hidden))}
            </p>
          )}
          {captionsOn && (
            <section
              aria-labelledby="captions-h"
              className="rounded-lg bg-slate-900 p-4 text-white"
              data-captions="on"
            >
              <h2 id="captions-h" className="text-sm font-semibold uppercase tracking-wide text-slate-300">
                {strings.captionsTitle}
              </h2>
              <div aria-live="polite" className="mt-2 space-y-1 text-xl leading-relaxed">
                {captions.length === 0 ? (
                  <p className="text-slate-300">{strings.captionsEmpty}</p>
                ) : (
                  captions.map((c) => <p key={`${c.at}-${c.text}`}>{c.text}</p>)
                )}
              </div>
            </section>
          )}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => setCaptionsOn((v) => !v)}
              aria-pressed={captionsOn}
              className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {captionsOn ? strings.hideCaptions : strings.showCaptions}
            </button>
            {me?.canPublish && (
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
      {panel?.(ctx)}
    </div>
  );
}
