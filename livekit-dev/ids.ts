import { randomBytes } from "node:crypto";

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A LiveKit-shaped id: the client recognises tracks by the "TR_" prefix and participants by "PA_". */
export function newSid(prefix: "RM_" | "PA_" | "TR_" | "EV_"): string {
  const bytes = randomBytes(12);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
