"use client";

import { type Room, RoomEvent } from "livekit-client";
import { useEffect, useRef } from "react";
import { type BackroomMessage, decodeRoomMessage } from "@/lib/room-messages";

/**
 * Calls `onMessage` with every well-formed backroom message the room receives; anything else
 * (another topic, a malformed payload) changes nothing, and the next load repairs any gap.
 */
export function useBackroomMessages(room: Room, onMessage: (message: BackroomMessage) => void): void {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    const onData = (payload: Uint8Array, _p?: unknown, _k?: unknown, topic?: string) => {
      const msg = decodeRoomMessage(topic, payload);
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
export function useReloadOnReconnect(room: Room, onReload: () => Promise<void>): void {
  const handler = useRef(onReload);
  handler.current = onReload;
  useEffect(() => {
    const reload = () => void handler.current();
    room.on(RoomEvent.Reconnected, reload).on(RoomEvent.Connected, reload);
    return () => {
      room.off(RoomEvent.Reconnected, reload).off(RoomEvent.Connected, reload);
    };
  }, [room]);
}
