/**
 * Participant attribute set on a listener while it is hidden again after having had the floor.
 * LiveKit sends a hidden participant's updates to that participant only, so the others are never
 * told it became hidden and would keep listing it; the server sets this attribute while the
 * listener is still visible (so everyone receives it), and the room client leaves such a
 * participant out. Cleared ("" deletes an attribute) when the listener is given the floor again.
 */
export const HIDDEN_LISTENER_ATTRIBUTE = "immersion.hidden";

/** Whether a remote participant should be shown in the room (LiveKit attributes as received). */
export const shownInRoom = (attributes: Readonly<Record<string, string>>) =>
  attributes[HIDDEN_LISTENER_ATTRIBUTE] !== "true";
