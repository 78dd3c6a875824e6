"use client";

import type { RemoteParticipant, Room } from "livekit-client";
import { useEffect, useRef } from "react";
import { livekit, roomMessages } from "@/components/room/livekit";
import type { BackroomMessage } from "@/lib/room-messages";

/**
 * Calls `onMessage` with every well-formed backroom message the room receives; anything else
 * (another topic, a malformed payload) changes nothing, and the next load repairs any gap.
 */
export function useBackroomMessages(room: Room | null, onMessage: (message: BackroomMessage) => void): void {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    if (!room) return;
    const { RoomEvent } = livekit();
    // The sender comes from the packet itself (the last argument): a participant this page has not
    // been told about yet (LiveKit batches announcements) arrives with no RemoteParticipant, and must
    // not pass for the server, whose packets carry no identity at all.
    const onData = (
      payload: Uint8Array,
      from?: RemoteParticipant,
      _k?: unknown,
      topic?: string,
      _encryption?: unknown,
      senderIdentity?: string,
    ) => {
      const msg = roomMessages().decodeRoomMessage(topic, payload, from?.identity || senderIdentity);
      if (msg?.topic === "backroom") handler.current(msg);
    };
    room.on(RoomEvent.DataReceived, onData);
    return () => {
      room.off(RoomEvent.DataReceived, onData);
    };
  }, [room]);
}

/**
 * Calls `onReload` after a reconnect, and after a fresh connection (a speed-dating move is one):
 * whatever was broadcast while the connection was down is read back from the database.
 */
export function useReloadOnReconnect(room: Room | null, onReload: () => Promise<void>): void {
  const handler = useRef(onReload);
  handler.current = onReload;
  useEffect(() => {
    if (!room) return;
    const { RoomEvent } = livekit();
    const reload = () => void handler.current();
    room.on(RoomEvent.Reconnected, reload).on(RoomEvent.Connected, reload);
    return () => {
      room.off(RoomEvent.Reconnected, reload).off(RoomEvent.Connected, reload);
    };
  }, [room]);
}
