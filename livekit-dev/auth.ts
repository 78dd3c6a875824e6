import { TokenVerifier } from "livekit-server-sdk";
import { type Claims, claimsSchema } from "./grants";

export class AuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies an HS256 token exactly as LiveKit does (issuer = API key, exp required), using the
 * SDK's own verifier so the dev server can never be laxer than the SDK that mints the tokens.
 */
export async function verifyToken(
  token: string | null | undefined,
  apiKey: string,
  apiSecret: string,
): Promise<Claims> {
  if (!token) throw new AuthError(401, "no authorization token");
  let payload: unknown;
  try {
    payload = await new TokenVerifier(apiKey, apiSecret).verify(token);
  } catch (error) {
    throw new AuthError(401, `invalid token: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) throw new AuthError(401, "invalid token claims");
  return parsed.data;
}

/** Reads "Authorization: Bearer <jwt>" as the RoomService expects it. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}
