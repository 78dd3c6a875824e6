import { describe, expect, it } from "vitest";
import { OPEN_OBSERVER_CAP, ROOM_DEPARTURE_TIMEOUT_S, roomSettingsFor } from "./room-settings";

describe("roomSettingsFor", () => {
  it("caps a story circle at its seats, its staff and a small margin", () => {
    const s = roomSettingsFor({ format: "story_circle", seats: 8, tableCount: null }, 3);
    expect(s.maxParticipants).toBe(8 + 3 + 3);
    expect(s.departureTimeout).toBe(ROOM_DEPARTURE_TIMEOUT_S);
    expect(s.emptyTimeout).toBeGreaterThan(s.departureTimeout);
  });

  it("caps each speed-dating table at its share of the seats", () => {
    expect(roomSettingsFor({ format: "speed_dating", seats: 10, tableCount: 4 }, 2).maxParticipants).toBe(
      3 + 2 + 3,
    );
  });

  it("leaves room for the open observers of a mass immersion", () => {
    expect(roomSettingsFor({ format: "mass_online", seats: 40, tableCount: null }, 1).maxParticipants).toBe(
      40 + 1 + OPEN_OBSERVER_CAP + 3,
    );
  });
});
