"use client";

import type { Room } from "livekit-client";
import { useEffect, useState } from "react";
import { livekit } from "./livekit";

export type ControlStrings = {
  mute: string;
  unmute: string;
  cameraOn: string;
  cameraOff: string;
  devices: string;
  microphone: string;
  camera: string;
  showCaptions: string;
  hideCaptions: string;
  leave: string;
};

const bar =
  "min-h-11 rounded-full px-4 py-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white";

/** The devices of one kind, and the one the room uses now (re-read when devices come and go). */
function useDevices(room: Room, kind: MediaDeviceKind, open: boolean) {
  const [list, setList] = useState<MediaDeviceInfo[]>([]);
  const [active, setActive] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    const { Room: LkRoom, RoomEvent } = livekit();
    let live = true;
    const read = () =>
      void LkRoom.getLocalDevices(kind, false).then((d) => {
        if (!live) return;
        setList(d);
        setActive(room.getActiveDevice(kind));
      });
    read();
    room.on(RoomEvent.MediaDevicesChanged, read).on(RoomEvent.ActiveDeviceChanged, read);
    return () => {
      live = false;
      room.off(RoomEvent.MediaDevicesChanged, read).off(RoomEvent.ActiveDeviceChanged, read);
    };
  }, [room, kind, open]);
  return { list, active, setActive };
}

function DeviceSelect({
  room,
  kind,
  label,
  open,
}: {
  room: Room;
  kind: MediaDeviceKind;
  label: string;
  open: boolean;
}) {
  const { list, active, setActive } = useDevices(room, kind, open);
  const id = `room-device-${kind}`;
  if (list.length === 0) return null;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={active ?? list[0]?.deviceId ?? ""}
        onChange={async (e) => {
          const deviceId = e.target.value;
          setActive(deviceId);
          await room.switchActiveDevice(kind, deviceId).catch(() => false);
        }}
        className="mt-1 w-full rounded-md border border-slate-400 p-2"
      >
        {list.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The bar under the room, as in LiveKit Meet: microphone and camera toggles (for whoever may
 * publish them), device switching, captions and leave.
 */
export function RoomControls({
  room,
  strings,
  micOn,
  camOn,
  canMic,
  canCamera,
  hideMic,
  captionsOn,
  onToggleCaptions,
  onChanged,
  onError,
}: {
  room: Room;
  strings: ControlStrings;
  micOn: boolean;
  camOn: boolean;
  canMic: boolean;
  canCamera: boolean;
  /** The floor cue shows its own microphone button meanwhile. */
  hideMic: boolean;
  captionsOn: boolean;
  onToggleCaptions: () => void;
  onChanged: () => void;
  onError: (e: unknown) => void;
}) {
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [busy, setBusy] = useState<"mic" | "cam" | null>(null);
  const toggle = async (what: "mic" | "cam") => {
    setBusy(what);
    try {
      if (what === "mic") await room.localParticipant.setMicrophoneEnabled(!micOn);
      else await room.localParticipant.setCameraEnabled(!camOn);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
      onChanged();
    }
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-center gap-2 rounded-2xl bg-white p-2 ring-1 ring-slate-200">
        {canMic && !hideMic && (
          <button
            type="button"
            onClick={() => void toggle("mic")}
            disabled={busy === "mic"}
            aria-pressed={!micOn}
            className={bar}
          >
            {micOn ? strings.mute : strings.unmute}
          </button>
        )}
        {canCamera && (
          <button
            type="button"
            onClick={() => void toggle("cam")}
            disabled={busy === "cam"}
            aria-pressed={!camOn}
            className={bar}
          >
            {camOn ? strings.cameraOff : strings.cameraOn}
          </button>
        )}
        {(canMic || canCamera) && (
          <button
            type="button"
            onClick={() => setDevicesOpen((v) => !v)}
            aria-expanded={devicesOpen}
            aria-controls="room-devices"
            className={bar.replace(" aria-pressed:bg-slate-800 aria-pressed:text-white", "")}
          >
            {strings.devices}
          </button>
        )}
        <button type="button" onClick={onToggleCaptions} aria-pressed={captionsOn} className={bar}>
          {captionsOn ? strings.hideCaptions : strings.showCaptions}
        </button>
        <button
          type="button"
          onClick={() => void room.disconnect()}
          className="min-h-11 rounded-full bg-red-700 px-5 py-2 font-semibold text-white hover:bg-red-800"
        >
          {strings.leave}
        </button>
      </div>
      {devicesOpen && (
        <div
          id="room-devices"
          className="grid gap-3 rounded-xl bg-white p-3 ring-1 ring-slate-200 sm:grid-cols-2"
        >
          {canMic && <DeviceSelect room={room} kind="audioinput" label={strings.microphone} open />}
          {canCamera && <DeviceSelect room={room} kind="videoinput" label={strings.camera} open />}
        </div>
      )}
    </div>
  );
}
