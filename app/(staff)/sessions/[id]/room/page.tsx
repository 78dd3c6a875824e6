import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { StaffRoom } from "@/components/room/staff-room";
import { requireStaffPage } from "@/server/auth/staff";
import { staffRoomView } from "@/server/rooms/staff-room";

export const metadata: Metadata = { title: "Room" };

const STRINGS = {
  intro: "Join when you are ready. Observers listen without publishing.",
  audioOnly: "Join with audio only (no camera)",
  join: "Join the room",
  leave: "Leave",
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Connection lost. Reconnecting…",
  disconnected: "You have left the room.",
  failed: "Could not connect to the room. Is the LiveKit server running? Check /api/health.",
  you: "you",
  muted: "Microphone off",
  mute: "Turn microphone off",
  unmute: "Turn microphone on",
  listeners: "People in the room",
  hiddenOne: "1 hidden observer is listening (customers see only this count).",
  hiddenMany: "{count} hidden observers are listening (customers see only this count).",
  captionsTitle: "Captions",
  showCaptions: "Show captions",
  hideCaptions: "Hide captions",
  captionsEmpty: "Captions typed in the backroom's caption box appear here for everyone.",
  checkDevices: "Check my microphone and camera",
  microphone: "Microphone",
  camera: "Camera",
  micLevel: "Microphone level (speak to see it move)",
  preview: "Your camera picture",
  permissionDenied:
    "The browser is not allowing the microphone or camera. Allow them in the browser's site settings, then try again; you can still join and listen.",
  noDevice:
    "No microphone or camera was found. Plug one in, or join with audio only; you can still join and listen.",
  deviceError:
    "The microphone or camera could not be started. Close other apps that may be using it, then try again.",
};

export default async function StaffRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const view = await orNotFound(staffRoomView(actor, id));
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/sessions/${id}`} className="text-sm text-blue-800 hover:underline">
        ← {view.session.title}
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">Room</h1>
      <StaffRoom initial={view} strings={STRINGS} />
    </div>
  );
}
