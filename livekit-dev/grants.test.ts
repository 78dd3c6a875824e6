import { TrackSource } from "@livekit/protocol";
import { describe, expect, it } from "vitest";
import { mayPublishSource, permissionsFromGrant } from "./grants";

describe("permissionsFromGrant", () => {
  it("applies LiveKit's defaults to unset grants", () => {
    expect(permissionsFromGrant({ roomJoin: true })).toEqual({
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: [],
      canUpdateMetadata: false,
      hidden: false,
    });
  });

  it("makes data follow publish unless set", () => {
    expect(permissionsFromGrant({ canPublish: false }).canPublishData).toBe(false);
    expect(permissionsFromGrant({ canPublish: false, canPublishData: true }).canPublishData).toBe(true);
  });

  it("limits publishing to the listed sources", () => {
    const p = permissionsFromGrant({ canPublishSources: ["camera", "MICROPHONE", "bogus"] });
    expect(p.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);
    expect(mayPublishSource(p, TrackSource.CAMERA)).toBe(true);
    expect(mayPublishSource(p, TrackSource.SCREEN_SHARE)).toBe(false);
    expect(mayPublishSource(permissionsFromGrant({ canPublish: false }), TrackSource.CAMERA)).toBe(false);
  });
});
