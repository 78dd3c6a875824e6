import type { DataPacket } from "@livekit/protocol";

export interface DataSender {
  sid: string;
  identity: string;
  hidden: boolean;
}

export interface DataRecipient {
  sid: string;
  identity: string;
}

/**
 * Prepares a client's DataPacket for delivery as LiveKit does: the sender is stamped from the
 * server's own record (a hidden sender stays anonymous), destinations pick the recipients (none
 * means everyone else), and the sequence number is kept because the client drops reliable
 * packets whose sequence does not increase per sender.
 */
export function routeDataPacket<R extends DataRecipient>(
  sender: DataSender,
  packet: DataPacket,
  others: readonly R[],
): { packet: DataPacket; recipients: R[] } {
  const stamped = packet.clone();
  stamped.participantIdentity = sender.hidden ? "" : sender.identity;
  stamped.participantSid = sender.hidden ? "" : sender.sid;
  let destinations = stamped.destinationIdentities;
  if (stamped.value.case === "user") {
    const user = stamped.value.value;
    user.participantIdentity = stamped.participantIdentity;
    user.participantSid = stamped.participantSid;
    // Older clients put destinations on the user packet only.
    if (destinations.length === 0) destinations = user.destinationIdentities;
  }
  const candidates = others.filter((o) => o.sid !== sender.sid);
  const recipients =
    destinations.length === 0 ? candidates : candidates.filter((o) => destinations.includes(o.identity));
  return { packet: stamped, recipients };
}
