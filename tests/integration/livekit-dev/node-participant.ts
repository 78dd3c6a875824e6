// A protocol-level participant without a browser: LiveKit's v1 signal over `ws` and a real WebRTC
// peer connection from werift, so integration tests can join, publish and leave in milliseconds.
import {
  AddTrackRequest,
  ClientInfo,
  ClientInfo_SDK,
  ConnectionSettings,
  DisconnectReason,
  JoinRequest,
  type JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  SessionDescription,
  SignalRequest,
  SignalResponse,
  TrackSource,
  TrackType,
  TrickleRequest,
  WrappedJoinRequest,
  WrappedJoinRequest_Compression,
} from "@livekit/protocol";
import { MediaStreamTrack, RTCPeerConnection, type RTCRtpTransceiver } from "werift";
import WebSocket from "ws";

export class NodeParticipant {
  readonly responses: SignalResponse[] = [];
  private offerId = 1;
  private audio: RTCRtpTransceiver | undefined;

  private constructor(
    readonly ws: WebSocket,
    readonly pc: RTCPeerConnection,
    readonly join: JoinResponse,
  ) {}

  /** Joins with a data channel in the first offer (as livekit-client does) and waits for "join". */
  static async connect(
    url: string,
    token: string,
    options: { reconnectSid?: string } = {},
  ): Promise<NodeParticipant> {
    const pc = new RTCPeerConnection({ iceServers: [] });
    pc.createDataChannel("_reliable");
    await pc.setLocalDescription(await pc.createOffer());
    const sdp = pc.localDescription?.sdp ?? "";
    const joinRequest = new JoinRequest({
      clientInfo: new ClientInfo({ sdk: ClientInfo_SDK.JS, version: "test", protocol: 16 }),
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
      join_request: Buffer.from(wrapped.toBinary()).toString("base64url"),
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
      });
    });
    const participant = new NodeParticipant(ws, pc, join);
    participant.responses.push(...responses);
    ws.removeAllListeners("message");
    ws.on("message", (data) =>
      participant.onMessage(SignalResponse.fromBinary(new Uint8Array(data as Buffer))),
    );
    pc.onIceCandidate.subscribe((candidate) => {
      if (!candidate) return;
      participant.send({
        case: "trickle",
        value: new TrickleRequest({ candidateInit: JSON.stringify(candidate.toJSON()), target: 0 }),
      });
    });
    // The first answer may already have arrived with the join.
    for (const r of responses)
      if (r.message.case === "answer") {
        await pc.setRemoteDescription({ type: "answer", sdp: r.message.value.sdp });
      }
    return participant;
  }

  private async onMessage(msg: SignalResponse): Promise<void> {
    this.responses.push(msg);
    const m = msg.message;
    if (m.case === "answer") await this.pc.setRemoteDescription({ type: "answer", sdp: m.value.sdp });
    if (m.case === "trickle") await this.pc.addIceCandidate(JSON.parse(m.value.candidateInit));
    if (m.case === "mediaSectionsRequirement") {
      // As livekit-client does: add the receive sections asked for, then offer again.
      for (let i = 0; i < m.value.numAudios; i++) this.pc.addTransceiver("audio", { direction: "recvonly" });
      for (let i = 0; i < m.value.numVideos; i++) this.pc.addTransceiver("video", { direction: "recvonly" });
      await this.renegotiate();
    }
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

  async waitConnected(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pc.connectionState !== "connected") {
      if (Date.now() > deadline) throw new Error(`peer connection is ${this.pc.connectionState}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async renegotiate(): Promise<void> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const sdp = this.pc.localDescription?.sdp ?? "";
    this.send({ case: "offer", value: new SessionDescription({ type: "offer", sdp, id: ++this.offerId }) });
  }

  /** Announces a microphone track, then sends it on a new section (as livekit-client does). */
  async publishAudio(): Promise<string> {
    this.send({
      case: "addTrack",
      value: new AddTrackRequest({
        cid: "mic-1",
        type: TrackType.AUDIO,
        source: TrackSource.MICROPHONE,
        name: "mic",
      }),
    });
    const res = await this.waitFor(
      (r) => r.message.case === "trackPublished" || r.message.case === "requestResponse",
    );
    if (res.message.case !== "trackPublished") throw new Error("publish refused");
    this.audio = this.pc.addTransceiver(new MediaStreamTrack({ kind: "audio" }), { direction: "sendonly" });
    await this.renegotiate();
    return res.message.value.track?.sid ?? "";
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
