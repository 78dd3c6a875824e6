// Room identities are derived from our records when a token is minted (server/rooms/mint-token.ts),
// so the identity alone says who someone is: `cust_<invitation id>` or `staff_<user id>`.

export const customerIdentity = (invitationId: string) => `cust_${invitationId}`;
export const staffIdentity = (userId: string) => `staff_${userId}`;

export type ParsedIdentity =
  | { kind: "customer"; invitationId: string }
  | { kind: "staff"; userId: string }
  | { kind: "unknown" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who an identity names; anything not minted by the app is `unknown`. */
export function parseIdentity(identity: string): ParsedIdentity {
  const [prefix, rest = ""] = identity.split(/_(.*)/s);
  if (!UUID.test(rest)) return { kind: "unknown" };
  if (prefix === "cust") return { kind: "customer", invitationId: rest };
  if (prefix === "staff") return { kind: "staff", userId: rest };
  return { kind: "unknown" };
}

export const isStaffIdentity = (identity: string) => parseIdentity(identity).kind === "staff";
