"use client";

import type {
  ConnectionState,
  DisconnectReason,
  LocalParticipant,
  Participant,
  RemoteParticipant,
  Room,
  Track,
} from "livekit-client";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { ModerationStep } from "@/lib/domain/moderation";
import { placeInOrder, type RoomStoryTurns } from "@/lib/domain/story-turns";
import { shownInRoom } from "@/lib/room-attributes";
import { hiddenListenersOf, participantRoleOf, storyTurnsOf } from "@/lib/room-metadata";
import { livekit, loadLivekit, roomMessages } from "./livekit";
import { ParticipantTile } from "./participant-tile";
import { type DeviceChoice, deviceErrorMessage, PreJoin, type PreJoinStrings } from "./pre-join";
import { type ControlStrings, RoomControls } from "./room-controls";
import { type RoundClock, RoundTimer, type RoundTimerStrings } from "./round-timer";
import { AudioView } from "./track-views";
import { useSpeaking } from "./use-speaking";
import { useTableMoves } from "./use-table-moves";

export type RoomStrings = {
  intro: string;
  audioOnly: string;
  join: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  disconnected: string;
  failed: string;
  /** The session ended (the facilitator ended it, or the room was closed). */
  ended: string;
  /** Under `ended`: customers hear about the survey, staff about the backroom. */
  endedNote: string;
  /** An observer just given the floor: asked to turn the microphone on. */
  floorGiven: string;
  /** The browser blocked playback; the button starts it. */
  audioBlocked: string;
  startAudio: string;
  you: string;
  muted: string;
  listeners: string;
  /** Hidden listeners, with {count}: customers are told how many, never who. */
  hiddenOne: string;
  hiddenMany: string;
  captionsTitle: string;
  captionsEmpty: string;
  roleFacilitator: string;
  roleSpeaker: string;
  roleObserver: string;
  poorConnection: string;
  /** Story circle, with {name}, {place} and {count} filled in by the room. */
  storyNow: string;
  storyYouNow: string;
  storyYouNext: string;
  storyYourPlace: string;
  storyYouDone: string;
} & PreJoinStrings &
  ControlStrings;

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
  | "removed"
  | "ended";

export type Person = {
  identity: string;
  name: string;
  role: string;
  speaking: boolean;
  micOn: boolean;
  camOn: boolean;
  micTrackSid: string | null;
  canPublish: boolean;
  isLocal: boolean;
  weak: boolean;
  /** The camera picture to show (subscribed and not muted), or null. */
  video: Track | null;
};

type ParticipantPermission = NonNullable<Participant["permissions"]>;

// LiveKit's TrackSource numbers in a participant's permission (livekit/protocol): an empty list
// means every source is allowed.
const SOURCE_CAMERA = 1;
const SOURCE_MICROPHONE = 2;
const mayPublish = (perm: ParticipantPermission | undefined, source: number): boolean =>
  Boolean(perm?.canPublish) &&
  (perm?.canPublishSources.length === 0 || Boolean(perm?.canPublishSources.includes(source)));

function personOf(room: Room, p: Participant): Person {
  const { Track, ConnectionQuality } = livekit();
  const mic = p.getTrackPublication(Track.Source.Microphone);
  const cam = p.getTrackPublication(Track.Source.Camera);
  return {
    identity: p.identity,
    name: p.name || p.identity,
    role: participantRoleOf(p.metadata),
    speaking: p.isSpeaking,
    micOn: p.isMicrophoneEnabled,
    camOn: p.isCameraEnabled,
    micTrackSid: mic && !mic.isMuted ? mic.trackSid : null,
    canPublish: p.permissions?.canPublish ?? false,
    isLocal: p === room.localParticipant,
    weak: p.connectionQuality === ConnectionQuality.Poor || p.connectionQuality === ConnectionQuality.Lost,
    video: cam?.track && !cam.isMuted ? cam.track : null,
  };
}

/** Everyone shown in the room, and every remote voice to play (a hidden listener's too). */
function snapshot(room: Room): { people: Person[]; voices: Track[] } {
  const remote = [...room.remoteParticipants.values()];
  const shown = remote.filter((p) => shownInRoom(p.attributes));
  const voices: Track[] = [];
  for (const p of remote)
    for (const pub of p.audioTrackPublications.values())
      if (pub.track && pub.isSubscribed) voices.push(pub.track);
  return { people: [room.localParticipant, ...shown].map((p) => personOf(room, p)), voices };
}

/** Speed dating: the table this connection is at and the shared clock (from the token answer). */
export type Placement = RoundClock & { moves: boolean; endsAt: number | null; over: boolean };

export type RoomPanelContext = {
  /** Null until the person first presses Join (livekit-client is loaded then). */
  room: Room | null;
  people: Person[];
  connected: boolean;
  /** The session ended while this page was open (or before). */
  ended: boolean;
  placement: Placement | null;
  /** Story circle: the telling order the room's metadata carries (empty before the first story). */
  storyTurns: RoomStoryTurns;
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
class TokenRefused extends Error {
  constructor(readonly status: number) {
    super(`token ${status}`);
  }
}
/** 409 from the token route: the session is closed (ended or cancelled). */
const closedAnswer = (e: unknown) => e instanceof TokenRefused && e.status === 409;

/**
 * The live room. livekit-client is loaded and the Room created when the person first presses
 * Join (then kept for the page's life: a speed-dating move reconnects the same Room). The token
 * comes from our server for this session, never from the address bar. Staff pages add their
 * controls through `panel` (a side panel; a drawer on a phone) and `personExtra`; customers get
 * `notices` for private moderation messages.
 */
export function RoomClient({
  sessionId,
  strings,
  defaultAudioOnly = false,
  notices,
  initialNotice = null,
  initiallyEnded = false,
  panel,
  panelTitle,
  personExtra,
  onLevels,
  defaultCaptions = false,
  roundStrings,
  onSessionChanged,
  nameOf,
}: {
  sessionId: string;
  strings: RoomStrings;
  defaultAudioOnly?: boolean;
  notices?: NoticeStrings;
  initialNotice?: ModerationStep | null;
  /** The session was already closed when the page loaded. */
  initiallyEnded?: boolean;
  panel?: (ctx: RoomPanelContext) => ReactNode;
  /** The name of the panel's drawer button on a phone. */
  panelTitle?: string;
  personExtra?: (person: Person, ctx: RoomPanelContext) => ReactNode;
  /** Each measured audio level (0..1) per identity, every few hundred milliseconds. */
  onLevels?: (levels: ReadonlyMap<string, number>, at: number) => void;
  /** Open the captions area from the start (the guest asked for captions). */
  defaultCaptions?: boolean;
  /** Speed dating: the round timer's words. */
  roundStrings?: RoundTimerStrings;
  /** The server said the session started, or this page saw it end: the caller may read it again. */
  onSessionChanged?: () => void;
  /**
   * The name to show for an identity, over the name LiveKit carries: the staff room shows guests
   * as its view names them (a pseudonym for staff without need-to-know).
   */
  nameOf?: (identity: string) => string | undefined;
}) {
  const [room, setRoom] = useState<Room | null>(null);
  const [phase, setPhase] = useState<Phase>(
    initiallyEnded ? "ended" : initialNotice === "removal" ? "removed" : "prejoin",
  );
  const [people, setPeople] = useState<Person[]>([]);
  const [voices, setVoices] = useState<Track[]>([]);
  const [audioOnly, setAudioOnly] = useState(defaultAudioOnly);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<ModerationStep | null>(initialNotice);
  const [devices, setDevices] = useState<DeviceChoice>({});
  const [hidden, setHidden] = useState(0);
  const [captionsOn, setCaptionsOn] = useState(defaultCaptions);
  const [captions, setCaptions] = useState<{ at: number; text: string }[]>([]);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [floorCue, setFloorCue] = useState(false);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [storyTurns, setStoryTurns] = useState<RoomStoryTurns>([]);
  const moving = useRef(false);
  const roomRef = useRef<Room | null>(null);
  const hasNotices = Boolean(notices);
  const noticesRef = useRef(hasNotices);
  noticesRef.current = hasNotices;
  const sessionChanged = useRef(onSessionChanged);
  sessionChanged.current = onSessionChanged;
  const nameOfRef = useRef(nameOf);
  nameOfRef.current = nameOf;
  const heard = useSpeaking(room, onLevels);

  const refresh = useCallback(() => {
    const r = roomRef.current;
    if (!r) return;
    const s = snapshot(r);
    const named = nameOfRef.current;
    setPeople(named ? s.people.map((p) => ({ ...p, name: named(p.identity) ?? p.name })) : s.people);
    setVoices(s.voices);
    setAudioBlocked(!r.canPlaybackAudio);
  }, []);

  /** Creates the one Room of this page (first Join) with every listener it needs. */
  const ensureRoom = useCallback(async (): Promise<Room> => {
    if (roomRef.current) return roomRef.current;
    const lk = await loadLivekit();
    if (roomRef.current) return roomRef.current;
    const { RoomEvent, ConnectionState: State, DisconnectReason: Reason } = lk;
    // adaptiveStream: video is sent at the size each tile shows (and paused when not visible);
    // dynacast: a publisher stops sending layers nobody watches.
    const r = new lk.Room({ adaptiveStream: true, dynacast: true });
    const onState = (state: ConnectionState) => {
      if (state === State.Connected) setPhase((p) => (p === "ended" ? p : "connected"));
      else if (state === State.Reconnecting || state === State.SignalReconnecting) setPhase("reconnecting");
      refresh();
    };
    const onDisconnected = (reason?: DisconnectReason) => {
      if (reason === Reason.PARTICIPANT_REMOVED && noticesRef.current) {
        setNotice("removal");
        setPhase("removed");
      } else if (reason === Reason.ROOM_DELETED) {
        // Our server deletes a session's rooms only when the session ends (or is cancelled).
        moving.current = false;
        setPhase("ended");
      } else
        setPhase((p) =>
          p === "failed" || p === "removed" || p === "ended" ? p : moving.current ? "moving" : "disconnected",
        );
      setFloorCue(false);
      refresh();
    };
    // The sender comes from the packet itself (the last argument): a participant this page has not
    // been told about yet (LiveKit batches announcements) arrives with no RemoteParticipant, and must
    // not pass for the server, whose packets carry no identity at all.
    const onData = (
      payload: Uint8Array,
      from?: RemoteParticipant,
      _kind?: unknown,
      topic?: string,
      _encryption?: unknown,
      senderIdentity?: string,
    ) => {
      const msg = roomMessages().decodeRoomMessage(topic, payload, from?.identity || senderIdentity);
      if (msg?.topic === "caption") setCaptions((c) => [...c.slice(-4), { at: msg.at, text: msg.text }]);
      else if (msg?.topic === "notice" && noticesRef.current) setNotice(msg.step);
      else if (msg?.topic === "round-clock") sessionChanged.current?.();
    };
    const onMetadata = (metadata?: string) => {
      setHidden(hiddenListenersOf(metadata));
      setStoryTurns(storyTurnsOf(metadata));
    };
    const onPermissions = (prev: ParticipantPermission | undefined, p: Participant) => {
      if (p === r.localParticipant) {
        const now = (p as LocalParticipant).permissions;
        // Given the floor: told, and asked to turn the microphone on (it stays off until they do).
        if (!prev?.canPublish && now?.canPublish) setFloorCue(true);
        if (!now?.canPublish) setFloorCue(false);
      }
      refresh();
    };
    const onLocalMic = () => {
      if (r.localParticipant.isMicrophoneEnabled) setFloorCue(false);
      refresh();
    };
    r.on(RoomEvent.RoomMetadataChanged, onMetadata)
      .on(RoomEvent.ConnectionStateChanged, onState)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.ParticipantPermissionsChanged, onPermissions)
      .on(RoomEvent.LocalTrackPublished, onLocalMic)
      .on(RoomEvent.TrackUnmuted, onLocalMic)
      .on(RoomEvent.DataReceived, onData);
    for (const event of [
      RoomEvent.ParticipantConnected,
      RoomEvent.ParticipantDisconnected,
      RoomEvent.ParticipantAttributesChanged,
      RoomEvent.ParticipantNameChanged,
      RoomEvent.ParticipantMetadataChanged,
      RoomEvent.ActiveSpeakersChanged,
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.TrackMuted,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.LocalTrackUnpublished,
      RoomEvent.AudioPlaybackStatusChanged,
      RoomEvent.Reconnected,
    ])
      r.on(event, refresh);
    roomRef.current = r;
    setRoom(r);
    return r;
  }, [refresh]);

  const ended = phase === "ended";
  useEffect(() => {
    if (ended) sessionChanged.current?.();
  }, [ended]);

  // Leaving the page leaves the room.
  useEffect(
    () => () => {
      void roomRef.current?.disconnect();
    },
    [],
  );

  /**
   * Asks our server where this person belongs now (speed dating: which table, by the server's
   * own seating and clock) and reconnects only when that is a different room than the current one.
   */
  const connectTo = useCallback(
    async (table?: number): Promise<boolean> => {
      const r = await ensureRoom();
      const { ConnectionState } = livekit();
      const sentAt = Date.now();
      const res = await fetch("/api/livekit/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(table === undefined ? { sessionId } : { sessionId, table }),
      });
      if (!res.ok) {
        const refused = res.status >= 400 && res.status < 500 && res.status !== 429;
        throw refused ? new TokenRefused(res.status) : new Error(`token ${res.status}`);
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
      const here = r.state !== ConnectionState.Disconnected && r.name === answer.roomName;
      if (here) return false;
      if (r.state !== ConnectionState.Disconnected) {
        moving.current = true;
        setPhase("moving");
        await r.disconnect();
      }
      // Still "moving" if this connect fails, so the next try (or Join) picks the move up again.
      await r.connect(answer.url, answer.token);
      moving.current = false;
      return true;
    },
    [ensureRoom, sessionId],
  );

  const publishMic = useCallback(
    async (r: Room) => {
      if (!mayPublish(r.localParticipant.permissions, SOURCE_MICROPHONE)) return;
      await r.localParticipant
        .setMicrophoneEnabled(true, devices.audioDeviceId ? { deviceId: devices.audioDeviceId } : undefined)
        .catch((e: unknown) => setError(deviceErrorMessage(e, strings)));
    },
    [devices, strings],
  );

  const join = useCallback(async () => {
    setError(null);
    setPhase("connecting");
    try {
      await connectTo();
      const r = roomRef.current!;
      setPhase("connected");
      setHidden(hiddenListenersOf(r.metadata));
      setStoryTurns(storyTurnsOf(r.metadata));
      refresh();
      // Joined either way: a device problem is explained, and the person can still listen.
      await publishMic(r);
      if (!audioOnly && mayPublish(r.localParticipant.permissions, SOURCE_CAMERA))
        await r.localParticipant
          .setCameraEnabled(true, devices.videoDeviceId ? { deviceId: devices.videoDeviceId } : undefined)
          .catch((e: unknown) => setError(deviceErrorMessage(e, strings)));
      refresh();
    } catch (e) {
      if (closedAnswer(e)) return setPhase("ended");
      setPhase("failed");
      setError(strings.failed);
    }
  }, [connectTo, publishMic, refresh, audioOnly, strings, devices]);

  const switchTable = useCallback(
    async (table: number) => {
      try {
        if (await connectTo(table)) await publishMic(roomRef.current!);
        setPhase("connected");
        refresh();
      } catch (e) {
        if (closedAnswer(e)) return setPhase("ended");
        setPhase("failed");
        setError(strings.failed);
      }
    },
    [connectTo, publishMic, refresh, strings],
  );

  // Speed dating: rotating staff are moved at each round boundary (the server says which table is
  // next); everyone learns the clock when the session starts. Roaming pages ask for their table.
  const askWhereNow = useCallback(async () => {
    const r = roomRef.current;
    const out = !r || r.state === livekit().ConnectionState.Disconnected;
    if (await connectTo(placement?.moves ? undefined : placement?.table)) {
      if (out) setError(null); // "could not connect" from the tries before this one
      await publishMic(roomRef.current!);
      setPhase("connected");
      refresh();
    }
  }, [connectTo, publishMic, refresh, placement?.moves, placement?.table]);
  const askFailed = useCallback(
    (failures: number, e: unknown) => {
      const r = roomRef.current;
      // Still in a room, the person stays where they are and the page keeps trying.
      if (r && r.state !== livekit().ConnectionState.Disconnected) return;
      if (closedAnswer(e)) {
        moving.current = false;
        setPhase("ended");
      } else if (e instanceof TokenRefused) {
        // Between two tables and refused (off the staff list, say): asking again will not help,
        // so the page stops and offers Join.
        moving.current = false;
        setPhase("failed");
        setError(strings.failed);
      } else if (failures >= MOVE_TRIES) setError(strings.failed); // a busy server: told, still trying
    },
    [strings],
  );
  useTableMoves({
    room,
    plan: placement,
    active: phase === "connected" || phase === "reconnecting" || phase === "moving",
    ask: askWhereNow,
    onFailure: askFailed,
  });

  const status = {
    prejoin: "",
    connecting: strings.connecting,
    moving: strings.connecting,
    connected: strings.connected,
    reconnecting: strings.reconnecting,
    disconnected: strings.disconnected,
    failed: strings.failed,
    removed: "",
    ended: "",
  }[phase];
  const me = people.find((p) => p.isLocal);
  const perm = room?.localParticipant.permissions;
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
  const ctx: RoomPanelContext = {
    room,
    people: inRoom ? people : [],
    connected: inRoom,
    ended: phase === "ended",
    placement,
    storyTurns,
    switchTable,
  };
  const telling = storyTurns.find((t) => t.state === "now");
  const myTurn = me ? placeInOrder(storyTurns, me.identity) : null;
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  const micButton = "min-h-11 rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800";

  const stage = (
    <div className="min-w-0 space-y-4">
      <p
        role="status"
        aria-live="polite"
        data-phase={phase}
        className={
          phase === "reconnecting" || phase === "failed"
            ? "rounded-md bg-amber-100 p-3 font-semibold text-amber-950"
            : status
              ? "text-slate-700"
              : "sr-only"
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
      {phase === "ended" && (
        <div data-ended className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p className="text-xl font-semibold">{strings.ended}</p>
          <p className="mt-2 text-slate-700">{strings.endedNote}</p>
        </div>
      )}
      {error && phase !== "failed" && phase !== "ended" && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {inRoom && audioBlocked && room && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-lg bg-amber-100 p-3 text-amber-950"
        >
          <p className="font-semibold">{strings.audioBlocked}</p>
          <button type="button" className={micButton} onClick={() => void room.startAudio().then(refresh)}>
            {strings.startAudio}
          </button>
        </div>
      )}
      {inRoom && floorCue && room && !me?.micOn && (
        <div
          role="alert"
          data-floor="given"
          className="flex flex-wrap items-center gap-3 rounded-lg border-l-4 border-green-700 bg-green-50 p-3 text-green-950"
        >
          <p className="font-semibold">{strings.floorGiven}</p>
          <button
            type="button"
            className={micButton}
            onClick={() =>
              void room.localParticipant
                .setMicrophoneEnabled(true)
                .catch((e: unknown) => setError(deviceErrorMessage(e, strings)))
                .finally(refresh)
            }
          >
            {strings.unmute}
          </button>
        </div>
      )}
      {(phase === "prejoin" || phase === "failed" || phase === "disconnected") && (
        <div className="max-w-2xl space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
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
      {inRoom && room && (
        <div className="space-y-4">
          {storyTurns.length > 0 && (telling || myTurn) && (
            <div data-story className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
              {myTurn?.state === "now" ? (
                <p className="font-semibold">{strings.storyYouNow}</p>
              ) : (
                telling && <p className="font-semibold">{fill(strings.storyNow, { name: telling.name })}</p>
              )}
              {myTurn?.state === "next" && (
                <p data-story-place={myTurn.place} className="text-slate-700">
                  {myTurn.place === 1
                    ? strings.storyYouNext
                    : fill(strings.storyYourPlace, { place: myTurn.place, count: myTurn.waiting })}
                </p>
              )}
              {myTurn?.state === "done" && <p className="text-slate-700">{strings.storyYouDone}</p>}
            </div>
          )}
          <ul
            aria-label={strings.listeners}
            className={`grid items-start gap-3 min-[480px]:grid-cols-2 xl:grid-cols-3 ${people.length > 2 ? "grid-cols-2" : "grid-cols-1"}`}
          >
            {people.map((p) => (
              <ParticipantTile
                key={p.identity}
                person={{ ...p, speaking: p.speaking || heard.has(p.identity) }}
                role={roleLabel(p)}
                strings={strings}
                extra={personExtra?.(p, ctx)}
              />
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
          <RoomControls
            room={room}
            strings={strings}
            micOn={me?.micOn ?? false}
            camOn={me?.camOn ?? false}
            canMic={mayPublish(perm, SOURCE_MICROPHONE)}
            canCamera={mayPublish(perm, SOURCE_CAMERA)}
            hideMic={floorCue && !me?.micOn}
            captionsOn={captionsOn}
            onToggleCaptions={() => setCaptionsOn((v) => !v)}
            onChanged={refresh}
            onError={(e) => setError(deviceErrorMessage(e, strings))}
          />
        </div>
      )}
      {inRoom && voices.map((t) => <AudioView key={t.sid ?? t.mediaStreamTrack.id} track={t} />)}
    </div>
  );

  if (!panel) return stage;
  return (
    <div className="gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_26rem]">
      {stage}
      <button
        type="button"
        onClick={() => setDrawer(true)}
        aria-expanded={drawer}
        aria-controls="room-panel"
        className="fixed right-4 bottom-4 z-30 min-h-11 rounded-full bg-slate-900 px-5 py-2 font-semibold text-white shadow-lg lg:hidden"
      >
        {panelTitle ?? "Panel"}
      </button>
      <aside
        id="room-panel"
        aria-label={panelTitle}
        className={
          drawer
            ? "fixed inset-0 z-40 overflow-y-auto bg-white p-4 lg:static lg:z-auto lg:p-0"
            : "hidden lg:block"
        }
      >
        {drawer && (
          <button
            type="button"
            onClick={() => setDrawer(false)}
            className="mb-3 min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-slate-300 lg:hidden"
          >
            Close
          </button>
        )}
        <div className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          {panel(ctx)}
        </div>
      </aside>
    </div>
  );
}
