// A protocol-level participant without a browser: LiveKit's v1 signal over `ws` and a real WebRTC
// peer connection from werift, so integration tests can join, publish and leave in milliseconds,
// and the bench can add publishers and subscribers without a browser each.
import {
  AddTrackRequest,
  ClientInfo,
  ClientInfo_SDK,
  ConnectionSettings,
  DataPacket,
  DisconnectReason,
  JoinRequest,
  type JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  type ParticipantInfo,
  SessionDescription,
  SignalRequest,
  SignalResponse,
  TrackSource,
  TrackType,
  TrickleRequest,
  WrappedJoinRequest,
  WrappedJoinRequest_Compression,
} from "@livekit/protocol";
import {
  MediaStreamTrack,
  type RTCDataChannel,
  RTCPeerConnection,
  type RTCRtpTransceiver,
  type RtpPacket,
} from "werift";
import WebSocket from "ws";

export interface LocalTrack {
  sid: string;
  /** Write RTP here; werift's sender gives it this section's SSRC, payload type and offsets. */
  track: MediaStreamTrack;
  transceiver: RTCRtpTransceiver;
}

/** RTP packets received from one remote publisher, by kind. */
export interface ReceivedFrom {
  audioPackets: number;
  videoPackets: number;
}

export class NodeParticipant {
  readonly responses: SignalResponse[] = [];
  /** Keyed by the publisher's participant sid (the stream id the server puts in the msid). */
  readonly received = new Map<string, ReceivedFrom>();
  /** Sees every RTP packet received, e.g. to record a browser's stream. */
  onRemoteRtp: ((kind: "audio" | "video", publisherSid: string, packet: RtpPacket) => void) | undefined;
  private offerId = 1;
  private audio: RTCRtpTransceiver | undefined;
  // Signal messages are applied one at a time, and one offer is outstanding at a time (as
  // livekit-client does), so an answer is never applied to a newer local offer.
  private inbox: Promise<unknown> = Promise.resolve();
  private negotiation: Promise<unknown> = Promise.resolve();
  private lastAnswerId = 0;
  private answerWaiters = new Set<() => void>();
  /** Candidates found while an offer is being made, sent after it so the server knows their section. */
  private heldTrickles: (() => void)[] | undefined;
  private wantedSections = { audios: 0, videos: 0 };
  /** Signal messages that could not be applied (kept for a test to look at, never thrown away). */
  readonly errors: unknown[] = [];
  /** User data messages received on the reliable channel; `from` is empty for the server's own. */
  readonly data: { topic: string; text: string; from: string }[] = [];

  private constructor(
    readonly ws: WebSocket,
    readonly pc: RTCPeerConnection,
    readonly join: JoinResponse,
    private readonly reliable: RTCDataChannel,
  ) {
    pc.ontrack = ({ track, transceiver }) => {
      const publisherSid = transceiver.receiver.remoteStreamId?.split("|")[0] ?? "";
      const kind = track.kind === "video" ? "video" : "audio";
      track.onReceiveRtp.subscribe((packet) => {
        const seen = this.received.get(publisherSid) ?? { audioPackets: 0, videoPackets: 0 };
        if (kind === "audio") seen.audioPackets++;
        else seen.videoPackets++;
        this.received.set(publisherSid, seen);
        this.onRemoteRtp?.(kind, publisherSid, packet);
      });
    };
  }

  /** Joins with a data channel in the first offer (as livekit-client does) and waits for "join". */
  static async connect(
    url: string,
    token: string,
    options: { reconnectSid?: string } = {},
  ): Promise<NodeParticipant> {
    const pc = new RTCPeerConnection({ iceServers: [] });
    const reliable = pc.createDataChannel("_reliable");
    await pc.setLocalDescription(await pc.createOffer());
    const sdp = pc.localDescription?.sdp ?? "";
    const joinRequest = new JoinRequest({
      // Told apart by version, as LiveKit gates features on it: say what livekit-client would.
      clientInfo: new ClientInfo({ sdk: ClientInfo_SDK.JS, version: "2.23.0", protocol: 16 }),
      connectionSettings: new ConnectionSettings({ autoSubscribe: true }),
      publisherOffer: new SessionDescription({ type: "offer", sdp, id: 1 }),
      reconnect: options.reconnectSid !== undefined,
      participantSid: options.reconnectSid ?? "",
    });
    const wrapped = new WrappedJoinRequest({
      compression: WrappedJoinRequest_Compression.NONE,
      joinRequest: joinRequest.toBinary(),
    });
    const query = new URLSearchParams({
      access_token: token,
      // As livekit-client encodes it: the url-safe alphabet with the padding kept (LiveKit's
      // decoder requires the padding).
      join_request: Buffer.from(wrapped.toBinary())
        .toString("base64")
        .replace(/\+/g, "-")
        .replace(/\//g, "_"),
    });
    const ws = new WebSocket(`${url}/rtc/v1?${query}`);
    const responses: SignalResponse[] = [];
    const join = await new Promise<JoinResponse>((resolve, reject) => {
      ws.on("error", reject);
      ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.on("message", (data) => {
        const msg = SignalResponse.fromBinary(new Uint8Array(data as Buffer));
        responses.push(msg);
        if (msg.message.case === "join") resolve(msg.message.value);
        // A leave first means the join (or resume) was turned down.
        if (msg.message.case === "leave")
          reject(Object.assign(new Error("left"), { leave: msg.message.value }));
        // A resume accepted (LiveKit); this participant does not go on from there.
        if (msg.message.case === "reconnect")
          reject(Object.assign(new Error("resumed"), { reconnect: msg.message.value }));
      });
    });
    const participant = new NodeParticipant(ws, pc, join, reliable);
    reliable.onMessage.subscribe((bytes) => {
      if (typeof bytes === "string") return;
      try {
        const packet = DataPacket.fromBinary(new Uint8Array(bytes));
        if (packet.value.case !== "user") return;
        const user = packet.value.value;
        participant.data.push({
          topic: user.topic ?? "",
          text: new TextDecoder().decode(user.payload),
          from: packet.participantIdentity,
        });
      } catch {
        // Not a DataPacket; nothing a test reads.
      }
    });
    participant.responses.push(...responses);
    ws.removeAllListeners("message");
    // The join offer (id 1) is outstanding: no other offer goes out before its answer, nor
    // before the transport is up (werift gathers again when offering, which can upset a
    // connection still being checked).
    participant.negotiation = participant
      .answerFor(1, 30_000)
      .then(() => participant.waitConnected(30_000).catch(() => {}));
    ws.on("message", (data) => {
      const msg = SignalResponse.fromBinary(new Uint8Array(data as Buffer));
      participant.responses.push(msg);
      participant.enqueue(msg);
    });
    pc.onIceCandidate.subscribe((candidate) => {
      if (!candidate) return;
      const trickle = () =>
        participant.send({
          case: "trickle",
          value: new TrickleRequest({ candidateInit: JSON.stringify(candidate.toJSON()), target: 0 }),
        });
      if (participant.heldTrickles) participant.heldTrickles.push(trickle);
      else trickle();
    });
    // What arrived with the join (often the first answer) is applied first, in order.
    for (const r of responses) if (r.message.case !== "join") participant.enqueue(r);
    return participant;
  }

  private enqueue(msg: SignalResponse): void {
    const run = () => this.apply(msg);
    this.inbox = this.inbox.then(run).catch((error: unknown) => this.errors.push(error));
  }

  /** Resolves once the answer to offer `id` is applied, or after `timeoutMs`. */
  private answerFor(id: number, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve) => {
      if (this.lastAnswerId >= id) return resolve();
      const check = () => {
        if (this.lastAnswerId < id) return;
        clearTimeout(timer);
        this.answerWaiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.answerWaiters.delete(check);
        resolve();
      }, timeoutMs);
      this.answerWaiters.add(check);
    });
  }

  private async apply(msg: SignalResponse): Promise<void> {
    const m = msg.message;
    if (m.case === "answer") {
      if (this.pc.signalingState !== "have-local-offer")
        throw new Error(`answer ${m.value.id} arrived in signaling state ${this.pc.signalingState}`);
      await this.pc.setRemoteDescription({ type: "answer", sdp: m.value.sdp });
      this.lastAnswerId = Math.max(this.lastAnswerId, m.value.id);
      for (const check of [...this.answerWaiters]) check();
    }
    if (m.case === "trickle") await this.pc.addIceCandidate(JSON.parse(m.value.candidateInit));
    if (m.case === "mediaSectionsRequirement") {
      // As livekit-client does: add the receive sections asked for, then offer again. The server
      // may ask before our offer is answered; werift breaks the transport if sections are added
      // in have-local-offer, so they are added when the next offer is made.
      this.wantedSections.audios += m.value.numAudios;
      this.wantedSections.videos += m.value.numVideos;
      void this.renegotiate();
    }
  }

  /** Identities of everyone this participant has been told about, by participant sid. */
  identities(): Map<string, string> {
    const infos: ParticipantInfo[] = [...this.join.otherParticipants];
    for (const r of this.responses)
      if (r.message.case === "update") infos.push(...r.message.value.participants);
    return new Map(infos.map((p) => [p.sid, p.identity]));
  }

  send(message: SignalRequest["message"]): void {
    this.ws.send(new SignalRequest({ message }).toBinary());
  }

  /** Waits for the first signal response matching the predicate (including ones already seen). */
  async waitFor(predicate: (r: SignalResponse) => boolean, timeoutMs = 10_000): Promise<SignalResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.responses.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error("timed out waiting for a signal response");
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Resolves once the peer connection is up. With no `timeoutMs` it waits for that condition
   * alone (the test's own timeout bounds it): werift's DTLS and SCTP run in JavaScript, so on a
   * busy machine a handshake can take many seconds, and a deadline of its own made tests fail
   * there while nothing was wrong. A connection that fails or closes rejects at once.
   */
  async waitConnected(timeoutMs?: number): Promise<void> {
    const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
    while (this.pc.connectionState !== "connected") {
      const over = this.pc.connectionState === "failed" || this.pc.connectionState === "closed";
      if (over || Date.now() > deadline)
        throw new Error(
          `peer connection is ${this.pc.connectionState} (ICE ${this.pc.iceConnectionState}, signaling ${this.pc.signalingState}, ${this.errors.length} signal errors)`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Resolves once the reliable data channel is open: only then can the server's data reach this
   * participant (the peer connection being up is not enough; SCTP comes after DTLS). A test that
   * expects a message sent after joining waits for this first, or the message may go nowhere.
   */
  async waitDataOpen(): Promise<void> {
    await this.waitConnected();
    while (this.reliable.readyState !== "open") {
      if (this.reliable.readyState === "closed" || this.pc.connectionState === "closed")
        throw new Error(`data channel is ${this.reliable.readyState}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Offers again once the previous offer is answered; resolves when this one is (or after 10 s). */
  renegotiate(): Promise<void> {
    const run = async () => {
      const { audios, videos } = this.wantedSections;
      this.wantedSections = { audios: 0, videos: 0 };
      for (let i = 0; i < audios; i++) this.pc.addTransceiver("audio", { direction: "recvonly" });
      for (let i = 0; i < videos; i++) this.pc.addTransceiver("video", { direction: "recvonly" });
      this.heldTrickles = [];
      try {
        await this.pc.setLocalDescription(await this.pc.createOffer());
        const sdp = this.pc.localDescription?.sdp ?? "";
        this.send({
          case: "offer",
          value: new SessionDescription({ type: "offer", sdp, id: ++this.offerId }),
        });
      } finally {
        const held = this.heldTrickles;
        this.heldTrickles = undefined;
        for (const trickle of held) trickle();
      }
      const id = this.offerId;
      await this.answerFor(id, 20_000);
    };
    const done = this.negotiation.then(run, run);
    this.negotiation = done.catch(() => {});
    return done;
  }

  /** Announces a microphone track, then sends it on a new section (as livekit-client does). */
  async publishAudio(): Promise<string> {
    const local = await this.publish("audio");
    this.audio = local.transceiver;
    return local.sid;
  }

  /**
   * Announces a track (microphone or camera), then adds its sending section and offers it. Nothing
   * is sent until the caller writes RTP to the returned track.
   */
  async publish(kind: "audio" | "video", size = { width: 0, height: 0 }): Promise<LocalTrack> {
    const cid = `${kind}-${this.offerId}-${Date.now()}`;
    this.send({
      case: "addTrack",
      value: new AddTrackRequest({
        cid,
        type: kind === "audio" ? TrackType.AUDIO : TrackType.VIDEO,
        source: kind === "audio" ? TrackSource.MICROPHONE : TrackSource.CAMERA,
        name: kind === "audio" ? "mic" : "camera",
        width: size.width,
        height: size.height,
      }),
    });
    const res = await this.waitFor(
      (r) =>
        (r.message.case === "trackPublished" && r.message.value.cid === cid) ||
        r.message.case === "requestResponse",
    );
    if (res.message.case !== "trackPublished") throw new Error("publish refused");
    const track = new MediaStreamTrack({ kind, id: cid });
    const transceiver = this.pc.addTransceiver(track, { direction: "sendonly" });
    await this.renegotiate();
    return { sid: res.message.value.track?.sid ?? "", track, transceiver };
  }

  /** Stops sending the microphone: the section goes inactive, which unpublishes it. */
  async unpublishAudio(): Promise<void> {
    if (!this.audio) return;
    this.audio.setDirection("inactive");
    await this.renegotiate();
  }

  async leave(): Promise<void> {
    this.send({
      case: "leave",
      value: new LeaveRequest({
        reason: DisconnectReason.CLIENT_INITIATED,
        action: LeaveRequest_Action.DISCONNECT,
      }),
    });
    this.ws.close();
    await this.pc.close();
  }
}
