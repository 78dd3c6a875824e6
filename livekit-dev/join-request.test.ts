import { gzipSync } from "node:zlib";
import {
  ConnectionSettings,
  JoinRequest,
  SessionDescription,
  WrappedJoinRequest,
  WrappedJoinRequest_Compression,
} from "@livekit/protocol";
import { describe, expect, it } from "vitest";
import { JoinRequestError, parseV1Join } from "./join-request";

function query(request: JoinRequest, gzip: boolean): URLSearchParams {
  const bytes = request.toBinary();
  const wrapped = new WrappedJoinRequest({
    compression: gzip ? WrappedJoinRequest_Compression.GZIP : WrappedJoinRequest_Compression.NONE,
    joinRequest: gzip ? gzipSync(bytes) : bytes,
  });
  // The client's encoding: standard base64 with + and / swapped for - and _, padding kept.
  const encoded = Buffer.from(wrapped.toBinary()).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  return new URLSearchParams({ access_token: "t", join_request: encoded });
}

describe("parseV1Join", () => {
  const request = new JoinRequest({
    connectionSettings: new ConnectionSettings({ autoSubscribe: false }),
    publisherOffer: new SessionDescription({ type: "offer", sdp: "v=0", id: 3 }),
  });

  it.each([true, false])("reads a join request (gzip %s)", (gzip) => {
    const params = parseV1Join(query(request, gzip));
    expect(params.token).toBe("t");
    expect(params.autoSubscribe).toBe(false);
    expect(params.publisherOffer?.id).toBe(3);
    expect(params.reconnect).toBe(false);
  });

  it("rejects a missing or malformed join request", () => {
    expect(() => parseV1Join(new URLSearchParams())).toThrow(JoinRequestError);
    expect(() =>
      parseV1Join(new URLSearchParams({ join_request: Buffer.from([0xff, 0xff, 0xff]).toString("base64") })),
    ).toThrow(JoinRequestError);
  });

  it("requires the padding, as LiveKit's decoder does", () => {
    const padded = query(request, false).get("join_request") ?? "";
    expect(padded).toMatch(/=$/);
    const unpadded = new URLSearchParams({ join_request: padded.replace(/=+$/, "") });
    expect(() => parseV1Join(unpadded)).toThrow("cannot base64 decode wrapped join request");
  });
});
