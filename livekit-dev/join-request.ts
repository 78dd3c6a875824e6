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

/** Parses the v1 query: access_token plus a base64url WrappedJoinRequest, gzipped when the browser can. */
export function parseV1Join(query: URLSearchParams): JoinParams {
  const encoded = query.get("join_request");
  if (!encoded) throw new JoinRequestError("missing join_request");
  let request: JoinRequest;
  try {
    // Node's base64 decoder accepts the url-safe alphabet and padding alike.
    const wrapped = WrappedJoinRequest.fromBinary(Buffer.from(encoded, "base64"));
    const bytes =
      wrapped.compression === WrappedJoinRequest_Compression.GZIP
        ? gunzipSync(wrapped.joinRequest)
        : wrapped.joinRequest;
    request = JoinRequest.fromBinary(bytes);
  } catch (error) {
    throw new JoinRequestError(`malformed join_request: ${error instanceof Error ? error.message : error}`);
  }
  return {
    token: query.get("access_token") ?? undefined,
    reconnect: request.reconnect,
    autoSubscribe: request.connectionSettings?.autoSubscribe ?? true,
    publisherOffer: request.publisherOffer,
  };
}
