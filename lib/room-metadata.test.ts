import { describe, expect, it } from "vitest";
import {
  hiddenListenersOf,
  participantMetadata,
  participantRoleOf,
  withHiddenListeners,
} from "./room-metadata";

describe("room metadata", () => {
  it("sets the hidden-listener count, keeps other keys, and says when nothing changes", () => {
    const written = withHiddenListeners('{"topic":"billing"}', 2);
    expect(JSON.parse(written!)).toEqual({ topic: "billing", hiddenListeners: 2 });
    expect(hiddenListenersOf(written!)).toBe(2);
    expect(withHiddenListeners(written!, 2)).toBeNull();
  });

  it("reads someone else's metadata as no hidden listeners", () => {
    for (const raw of [undefined, "", "not json", "[1,2]", '"x"', '{"hiddenListeners":"many"}'])
      expect(hiddenListenersOf(raw)).toBe(0);
    expect(JSON.parse(withHiddenListeners("not json", 1)!)).toEqual({ hiddenListeners: 1 });
  });

  it("carries a participant's room role", () => {
    expect(participantRoleOf(participantMetadata("observer"))).toBe("observer");
    expect(participantRoleOf(undefined)).toBe("");
    expect(participantRoleOf('{"role":7}')).toBe("");
  });
});
