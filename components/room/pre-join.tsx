"use client";

import { useEffect, useRef, useState } from "react";

export type PreJoinStrings = {
  checkDevices: string;
  microphone: string;
  camera: string;
  micLevel: string;
  preview: string;
  permissionDenied: string;
  noDevice: string;
  deviceError: string;
};

export type DeviceChoice = { audioDeviceId?: string; videoDeviceId?: string };

/** Turns a getUserMedia failure into words a person can act on. */
export function deviceErrorMessage(error: unknown, strings: PreJoinStrings): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return strings.permissionDenied;
  if (name === "NotFoundError" || name === "OverconstrainedError") return strings.noDevice;
  return strings.deviceError;
}

/**
 * The device check before joining: choose a microphone and camera, see yourself, watch the
 * microphone level move. Nothing is sent anywhere; the tracks are stopped before the room opens
 * them again with the chosen devices.
 */
export function PreJoin({
  strings,
  audioOnly,
  onChoice,
}: {
  strings: PreJoinStrings;
  audioOnly: boolean;
  onChoice: (choice: DeviceChoice) => void;
}) {
  // 0 until the person asks for the check; each retry bumps it and runs the check again.
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [mics, setMics] = useState<MediaDeviceInfo[]>([]);
  const [cams, setCams] = useState<MediaDeviceInfo[]>([]);
  const [choice, setChoice] = useState<DeviceChoice>({});
  const [level, setLevel] = useState(0);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    let stream: MediaStream | null = null;
    let audio: AudioContext | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let cancelled = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: choice.audioDeviceId ? { deviceId: { exact: choice.audioDeviceId } } : true,
          video: audioOnly
            ? false
            : choice.videoDeviceId
              ? { deviceId: { exact: choice.videoDeviceId } }
              : true,
        });
        if (cancelled) return;
        setError(null);
        const devices = await navigator.mediaDevices.enumerateDevices();
        setMics(devices.filter((d) => d.kind === "audioinput"));
        setCams(devices.filter((d) => d.kind === "videoinput"));
        if (video.current) video.current.srcObject = audioOnly ? null : stream;
        audio = new AudioContext();
        const analyser = audio.createAnalyser();
        analyser.fftSize = 512;
        audio.createMediaStreamSource(stream).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        timer = setInterval(() => {
          analyser.getFloatTimeDomainData(samples);
          let sum = 0;
          for (const s of samples) sum += s * s;
          // RMS scaled so ordinary speech fills most of the meter.
          setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
        }, 100);
      } catch (e) {
        if (!cancelled) setError(deviceErrorMessage(e, strings));
      }
    })();
    return () => {
      cancelled = true;
      clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
      void audio?.close();
    };
  }, [attempt, choice, audioOnly, strings]);

  const pick = (next: DeviceChoice) => {
    const merged = { ...choice, ...next };
    setChoice(merged);
    onChoice(merged);
  };

  if (attempt === 0)
    return (
      <button
        type="button"
        onClick={() => setAttempt(1)}
        className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-100"
      >
        {strings.checkDevices}
      </button>
    );
  return (
    <div className="space-y-3" data-prejoin="checking">
      {error && (
        <div className="space-y-2">
          <p role="alert" className="rounded-md bg-amber-100 p-3 font-semibold text-amber-950">
            {error}
          </p>
          <button
            type="button"
            onClick={() => setAttempt((n) => n + 1)}
            className="min-h-11 rounded-md px-4 py-2 font-semibold ring-1 ring-slate-300 hover:bg-slate-100"
          >
            {strings.checkDevices}
          </button>
        </div>
      )}
      {mics.length > 0 && (
        <div>
          <label htmlFor="prejoin-mic" className="block font-medium">
            {strings.microphone}
          </label>
          <select
            id="prejoin-mic"
            value={choice.audioDeviceId ?? ""}
            onChange={(e) => pick({ audioDeviceId: e.target.value || undefined })}
            className="mt-1 w-full rounded-md border border-slate-400 p-2"
          >
            {mics.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `${strings.microphone} ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {!audioOnly && cams.length > 0 && (
        <div>
          <label htmlFor="prejoin-cam" className="block font-medium">
            {strings.camera}
          </label>
          <select
            id="prejoin-cam"
            value={choice.videoDeviceId ?? ""}
            onChange={(e) => pick({ videoDeviceId: e.target.value || undefined })}
            className="mt-1 w-full rounded-md border border-slate-400 p-2"
          >
            {cams.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `${strings.camera} ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {!error && (
        <div className="space-y-1">
          <span id="mic-level-label" className="block font-medium">
            {strings.micLevel}
          </span>
          <meter
            aria-labelledby="mic-level-label"
            min={0}
            max={1}
            value={level}
            className="h-4 w-full"
            data-level={level.toFixed(2)}
          />
        </div>
      )}
      {!audioOnly && !error && (
        <video
          ref={video}
          autoPlay
          muted
          playsInline
          aria-label={strings.preview}
          className="w-full max-w-sm -scale-x-100 rounded-md bg-black"
        />
      )}
    </div>
  );
}
