import { DataPacket, DataPacket_Kind, UserPacket } from "@livekit/protocol";
import { describe, expect, it } from "vitest";
import { routeDataPacket } from "./data-routing";

const people = [
  { sid: "PA_a", identity: "alice" },
  { sid: "PA_b", identity: "bob" },
  { sid: "PA_c", identity: "carol" },
];
const alice = { sid: "PA_a", identity: "alice", hidden: false };

function packet(destinations: string[] = []) {
  return new DataPacket({
    kind: DataPacket_Kind.RELIABLE,
    participantIdentity: "forged",
    destinationIdentities: destinations,
    sequence: 7,
    value: { case: "user", value: new UserPacket({ payload: new Uint8Array([1]) }) },
  });
}

describe("routeDataPacket", () => {
  it("sends to everyone but the sender when no destination is given", () => {
    const routed = routeDataPacket(alice, packet(), people);
    expect(routed.recipients.map((r) => r.identity)).toEqual(["bob", "carol"]);
  });

  it("sends only to the named destinations", () => {
    const routed = routeDataPacket(alice, packet(["carol"]), people);
    expect(routed.recipients.map((r) => r.identity)).toEqual(["carol"]);
  });

  it("stamps the real sender over whatever the client claimed, and keeps the sequence", () => {
    const routed = routeDataPacket(alice, packet(), people);
    expect(routed.packet.participantIdentity).toBe("alice");
    expect(routed.packet.participantSid).toBe("PA_a");
    expect(routed.packet.sequence).toBe(7);
  });

  it("keeps a hidden sender anonymous", () => {
    const routed = routeDataPacket({ ...alice, hidden: true }, packet(), people);
    expect(routed.packet.participantIdentity).toBe("");
    expect(routed.packet.value.case === "user" && routed.packet.value.value.participantIdentity).toBe("");
  });
});
