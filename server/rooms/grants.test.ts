import { TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { grantsFor } from "./grants";

describe("grantsFor", () => {
  it("lets customers publish microphone and camera only, never admin", () => {
    const g = grantsFor("customer", "r1", { observersHidden: true });
    expect(g).toMatchObject({
      room: "r1",
      roomJoin: true,
      canPublish: true,
      roomAdmin: false,
      hidden: false,
    });
    expect(g.canPublishSources).toEqual([TrackSource.MICROPHONE, TrackSource.CAMERA]);
  });

  it("keeps observers listen-only and hidden when the session says so", () => {
    expect(grantsFor("observer", "r1", { observersHidden: true })).toMatchObject({
      canPublish: false,
      hidden: true,
    });
    expect(grantsFor("observer", "r1", { observersHidden: false })).toMatchObject({
      canPublish: false,
      hidden: false,
    });
  });

  it("makes only the facilitator room admin, for its own room", () => {
    for (const role of ["customer", "speaker", "observer"] as const) {
      expect(grantsFor(role, "r1", { observersHidden: true }).roomAdmin).toBe(false);
    }
    expect(grantsFor("facilitator", "r9", { observersHidden: true })).toMatchObject({
      roomAdmin: true,
      room: "r9",
      roomCreate: false,
    });
  });
});
