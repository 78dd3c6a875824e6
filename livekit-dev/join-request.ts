import { gunzipSync } from "node:zlib";
import {
  JoinRequest,
  type SessionDescription,
  WrappedJoinRequest,
  WrappedJoinRequest_Compression,
} from "@livekit/protocol";

/** The parts of a join the server acts on, whichever signal path it came from. */
export interface JoinParams {
  token: string | undefined;
  /** A resume attempt (we answer it with a leave so the client rejoins from scratch). */
  reconnect: boolean;
  autoSubscribe: boolean;
  /** v1 bundles the browser's first offer with the join. */
  publisherOffer: SessionDescription | undefined;
}

export class JoinRequestError extends Error {}

/**
 * Decodes as LiveKit's Go server does (`base64.URLEncoding`): the url-safe alphabet with padding
 * required. Node's own decoder would accept anything, so a client that drops the padding would
 * work here and fail on LiveKit.
 */
function decodeBase64Url(text: string): Buffer {
  const clean = text.replace(/[\r\n]/g, "");
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9_-]*={0,2}$/.test(clean))
    throw new JoinRequestError("cannot base64 decode wrapped join request");
  return Buffer.from(clean, "base64");
}

/**
 * Parses the v1 query's base64url WrappedJoinRequest (gzipped when the browser can), with
 * LiveKit's refusals and texts; the token is checked before this, as LiveKit does.
 */
export function parseV1Join(query: URLSearchParams): JoinParams {
  const encoded = query.get("join_request");
  if (!encoded) throw new JoinRequestError("join_request is required");
  const bytes = decodeBase64Url(encoded);
  let wrapped: WrappedJoinRequest;
  try {
    wrapped = WrappedJoinRequest.fromBinary(bytes);
  } catch {
    throw new JoinRequestError("cannot unmarshal wrapped join request");
  }
  let request: JoinRequest;
  try {
    const inner =
      wrapped.compression === WrappedJoinRequest_Compression.GZIP
        ? gunzipSync(wrapped.joinRequest)
        : wrapped.joinRequest;
    request = JoinRequest.fromBinary(inner);
  } catch {
    throw new JoinRequestError("cannot unmarshal join request");
  }
  return {
    token: query.get("access_token") ?? undefined,
    reconnect: request.reconnect,
    autoSubscribe: request.connectionSettings?.autoSubscribe ?? true,
    publisherOffer: request.publisherOffer,
  };
}
