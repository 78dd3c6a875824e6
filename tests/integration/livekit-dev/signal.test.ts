// Signal-level rules of the development server, exercised over the real protocol (ws + werift):
// join refusals before the upgrade, validate, resume, keep-alive, versions, and grants.
import {
  AddTrackRequest,
  DisconnectReason,
  LeaveRequest_Action,
  ParticipantInfo_State,
  Ping,
  RequestResponse_Reason,
  TrackSource,
  TrackType,
} from "@livekit/protocol";
import { AccessToken, RoomServiceClient, type VideoGrant } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLivekit, type TestLivekit } from "../../support/livekit-dev-server";
import { NodeParticipant } from "./node-participant";

let lk: TestLivekit;
const open: NodeParticipant[] = [];

async function token(identity: string, grant: VideoGrant, secret?: string): Promise<string> {
  const at = new AccessToken(lk.apiKey, secret ?? lk.apiSecret, { identity, ttl: "5m" });
  at.addGrant(grant);
  return at.toJwt();
}

async function connect(identity: string, grant: VideoGrant): Promise<NodeParticipant> {
  const p = await NodeParticipant.connect(lk.url, await token(identity, { roomJoin: true, ...grant }));
  open.push(p);
  return p;
}

beforeAll(async () => {
  lk = await startTestLivekit();
});

afterAll(async () => {
  for (const p of open) await p.leave().catch(() => {});
  await lk?.close();
});

describe("joining", () => {
  it("refuses bad joins with an HTTP status before upgrading", async () => {
    const wrongSecret = await token("a", { roomJoin: true, room: "r" }, "z".repeat(40));
    await expect(NodeParticipant.connect(lk.url, wrongSecret)).rejects.toThrow("HTTP 401");
    await expect(NodeParticipant.connect(lk.url, await token("a", { room: "r" }))).rejects.toThrow(
      "HTTP 401",
    );
    const noRoom = await token("a", { roomJoin: true });
    await expect(NodeParticipant.connect(lk.url, noRoom)).rejects.toThrow("HTTP 400");
  });

  it("answers validate as the client expects after a failed upgrade", async () => {
    const http = lk.url.replace("ws", "http");
    const bad = await fetch(`${http}/rtc/v1/validate?access_token=nonsense&join_request=`);
    expect(bad.status).toBe(400);
    const p = await connect("validator", { room: "v" });
    const url = new URL(p.ws.url.replace("ws", "http").replace("/rtc/v1", "/rtc/v1/validate"));
    expect((await fetch(url)).status).toBe(200);
    url.searchParams.set("access_token", await token("x", { room: "v" }));
    const denied = await fetch(url);
    expect(denied.status).toBe(401);
    expect(await denied.text()).toMatch(/roomJoin/);
  });

  it("sends a JoinResponse with a server version, ping settings and no hidden participants", async () => {
    await connect("ghost", { room: "j", hidden: true, canPublish: false });
    const p = await connect("visible", { room: "j" });
    expect(p.join.serverInfo?.version).toBeTruthy();
    expect(p.join.pingInterval).toBeGreaterThan(0);
    expect(p.join.pingTimeout).toBeGreaterThan(p.join.pingInterval);
    expect(p.join.participant?.sid).toMatch(/^PA_/);
    expect(p.join.room?.sid).toMatch(/^RM_/);
    expect(p.join.otherParticipants.map((o) => o.identity)).toEqual([]);
    expect(p.join.room?.numParticipants).toBe(1);
  });

  it("answers a resume attempt with a leave, so the client rejoins from scratch", async () => {
    const first = await connect("resumer", { room: "resume" });
    const resumed = await NodeParticipant.connect(
      lk.url,
      await token("resumer", { roomJoin: true, room: "resume" }),
      {
        reconnectSid: first.join.participant?.sid ?? "",
      },
    ).catch((error: unknown) => error);
    expect(resumed).toMatchObject({ leave: { action: LeaveRequest_Action.RECONNECT } });
  });

  it("answers pings and keeps participant versions increasing", async () => {
    const watcher = await connect("watcher", { room: "versions" });
    const actor = await connect("actor", { room: "versions" });
    await actor.waitConnected();
    actor.send({ case: "pingReq", value: new Ping({ timestamp: 42n }) });
    const pong = await actor.waitFor((r) => r.message.case === "pongResp");
    expect(pong.message.case === "pongResp" && pong.message.value.lastPingTimestamp).toBe(42n);
    await actor.publishAudio();
    await actor.leave();
    await watcher.waitFor(
      (r) =>
        r.message.case === "update" &&
        r.message.value.participants.some(
          (p) => p.identity === "actor" && p.state === ParticipantInfo_State.DISCONNECTED,
        ),
    );
    const versions = watcher.responses.flatMap((r) =>
      r.message.case === "update"
        ? r.message.value.participants.filter((p) => p.identity === "actor").map((p) => p.version)
        : [],
    );
    expect(versions.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? 0);
  });
});

describe("grants", () => {
  it("refuses addTrack with NOT_ALLOWED without canPublish or outside canPublishSources", async () => {
    const listener = await connect("listener", { room: "g", canPublish: false });
    listener.send({
      case: "addTrack",
      value: new AddTrackRequest({ cid: "c", type: TrackType.AUDIO, source: TrackSource.MICROPHONE }),
    });
    const refused = await listener.waitFor((r) => r.message.case === "requestResponse");
    expect(refused.message.case === "requestResponse" && refused.message.value.reason).toBe(
      RequestResponse_Reason.NOT_ALLOWED,
    );

    const cameraOnly = await connect("camera-only", { room: "g", canPublishSources: [TrackSource.CAMERA] });
    cameraOnly.send({
      case: "addTrack",
      value: new AddTrackRequest({ cid: "m", type: TrackType.AUDIO, source: TrackSource.MICROPHONE }),
    });
    const refusedMic = await cameraOnly.waitFor((r) => r.message.case === "requestResponse");
    expect(refusedMic.message.case === "requestResponse" && refusedMic.message.value.reason).toBe(
      RequestResponse_Reason.NOT_ALLOWED,
    );
    cameraOnly.send({
      case: "addTrack",
      value: new AddTrackRequest({ cid: "v", type: TrackType.VIDEO, source: TrackSource.CAMERA }),
    });
    await cameraOnly.waitFor((r) => r.message.case === "trackPublished");
  });

  it("attaches nothing to a participant without canSubscribe", async () => {
    const deaf = await connect("deaf", { room: "subs", canSubscribe: false });
    const listener = await connect("ears", { room: "subs" });
    const speaker = await connect("talker", { room: "subs" });
    await speaker.waitConnected();
    const sid = await speaker.publishAudio();
    const room = lk.server.registry.get("subs");
    const attached = (identity: string) => room?.byIdentity(identity)?.peer.attachedTrackSids() ?? [];
    for (let i = 0; i < 100 && !attached("ears").includes(sid); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(attached("ears")).toEqual([sid]);
    expect(attached("deaf")).toEqual([]);
    expect(deaf.join.participant?.permission?.canSubscribe).toBe(false);
    expect(listener.join.participant?.permission?.canSubscribe).toBe(true);
  });

  it("unpublishes a track at once when RoomService revokes canPublish", async () => {
    const speaker = await connect("speaker", { room: "revoke" });
    await speaker.waitConnected();
    const sid = await speaker.publishAudio();
    const api = new RoomServiceClient(lk.url, lk.apiKey, lk.apiSecret);
    for (let i = 0; i < 50 && (await api.getParticipant("revoke", "speaker")).tracks.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await api.updateParticipant("revoke", "speaker", {
      permission: { canPublish: false, canSubscribe: true },
    });
    const unpublished = await speaker.waitFor((r) => r.message.case === "trackUnpublished");
    expect(unpublished.message.case === "trackUnpublished" && unpublished.message.value.trackSid).toBe(sid);
    expect((await api.getParticipant("revoke", "speaker")).tracks).toEqual([]);
    await api.removeParticipant("revoke", "speaker");
    const leave = await speaker.waitFor((r) => r.message.case === "leave");
    expect(leave.message.case === "leave" && leave.message.value.reason).toBe(
      DisconnectReason.PARTICIPANT_REMOVED,
    );
  });
});
