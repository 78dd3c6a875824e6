// What the development server still does differently from the real LiveKit server, one test per
// difference listed in livekit-dev/README.md. Each runs on both servers (LIVEKIT_TEST_SERVER) and
// asserts what that server does, so closing a gap, or LiveKit changing, fails here first.
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livekitKind, livekitName, startTestLivekit, type TestLivekit } from "../../support/test-livekit";
import { NodeParticipant } from "./node-participant";

const kind = livekitKind();
let lk: TestLivekit;
const open: NodeParticipant[] = [];

async function token(identity: string, room: string): Promise<string> {
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: "5m" });
  at.addGrant({ roomJoin: true, room });
  return at.toJwt();
}

/** Joins; what is checked here needs the signal only, not a finished media connection. */
async function join(identity: string, room: string): Promise<NodeParticipant> {
  const p = await NodeParticipant.connect(lk.url, await token(identity, room));
  open.push(p);
  return p;
}

/** Every ICE candidate the server offered: in its answers' SDP and in its trickles. */
function serverCandidates(p: NodeParticipant): string[] {
  return p.responses.flatMap((r) => {
    if (r.message.case === "trickle") return [JSON.parse(r.message.value.candidateInit).candidate as string];
    if (r.message.case === "answer")
      return r.message.value.sdp
        .split("\r\n")
        .filter((line) => line.startsWith("a=candidate:"))
        .map((line) => line.slice(2));
    return [];
  });
}

beforeAll(async () => {
  lk = await startTestLivekit();
});

afterAll(async () => {
  for (const p of open) await p.leave().catch(() => {});
  await lk?.close();
});

describe(`known differences, as ${livekitName(kind)} behaves`, () => {
  it(
    kind === "real" ? "serves the legacy /rtc path" : "serves only /rtc/v1, not the legacy /rtc path",
    async () => {
      const res = await fetch(`${lk.httpUrl}/rtc/validate?access_token=${await token("legacy", "d")}`);
      expect(res.status).toBe(kind === "real" ? 200 : 404);
    },
  );

  it(
    kind === "real"
      ? "offers every codec it can forward, and ICE servers"
      : "offers no codec list (Opus and VP8 only) and no ICE servers",
    async () => {
      const p = await join("codecs", "d");
      const mimes = p.join.enabledPublishCodecs.map((c) => c.mime.toLowerCase());
      if (kind === "real") {
        expect(mimes).toEqual(expect.arrayContaining(["audio/opus", "video/vp8", "video/h264", "video/av1"]));
        expect(p.join.iceServers.length).toBeGreaterThan(0);
      } else {
        expect(mimes).toEqual([]);
        expect(p.join.iceServers).toEqual([]);
      }
    },
  );

  it(
    kind === "real"
      ? "offers the candidates it was configured with: loopback UDP and ICE-TCP"
      : "offers UDP host candidates on the machine's interfaces, no loopback and no TCP",
    async () => {
      const p = await join("ice", "d");
      await p.waitFor((r) => r.message.case === "answer");
      // The servers gather quickly; the candidates have all arrived once the connection is up.
      await p.waitConnected(20_000).catch(() => {});
      const candidates = serverCandidates(p);
      expect(candidates.length).toBeGreaterThan(0);
      const address = (c: string) => c.split(" ")[4] ?? "";
      if (kind === "real") {
        expect(candidates.every((c) => address(c) === "127.0.0.1")).toBe(true);
        expect(candidates.some((c) => c.includes(" tcp ") && c.includes("tcptype passive"))).toBe(true);
      } else {
        expect(candidates.some((c) => address(c) === "127.0.0.1")).toBe(false);
        expect(candidates.some((c) => c.includes(" tcp "))).toBe(false);
      }
    },
  );

  // The development server sends neither message; nothing in the app reads them.
  it.runIf(kind === "real")("refreshes the join token and reports connection quality", async () => {
    const p = await join("quality", "d");
    const refresh = await p.waitFor((r) => r.message.case === "refreshToken", 20_000);
    const jwt = refresh.message.case === "refreshToken" ? refresh.message.value : "";
    const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(jwt);
    expect(claims.sub).toBe("quality");
    const quality = await p.waitFor((r) => r.message.case === "connectionQuality", 20_000);
    const updates = quality.message.case === "connectionQuality" ? quality.message.value.updates : [];
    expect(updates.map((u) => u.participantSid)).toContain(p.join.participant?.sid);
  });
});
