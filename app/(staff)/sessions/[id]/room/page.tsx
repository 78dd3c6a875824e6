import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { requireStaffPage } from "@/server/auth/staff";
import { speedDatingView } from "@/server/rooms/speed-dating";
import { staffRoomView } from "@/server/rooms/staff-room";
import { storyTurnsView } from "@/server/rooms/story-turns";
import { StaffRoom } from "./_components/staff-room";

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
  roleFacilitator: "Facilitator",
  roleSpeaker: "Speaker",
  roleObserver: "Observer",
  poorConnection: "Weak connection",
  ended: "The session has ended.",
  endedNote: "Everyone was disconnected and the guests get the survey. The backroom stays open for triage.",
  floorGiven: "You have the floor. Turn your microphone on to speak to the room.",
  audioBlocked: "The browser has paused the room's sound.",
  startAudio: "Start the sound",
  cameraOn: "Turn camera on",
  cameraOff: "Turn camera off",
  devices: "Microphone and camera",
  storyNow: "Telling their story now: {name}",
  storyYouNow: "It is your turn.",
  storyYouNext: "You are next.",
  storyYourPlace: "Number {place} of {count} waiting.",
  storyYouDone: "Told.",
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

const ROUND_STRINGS = {
  tableRound: "Table {table} · Round {round} of {rounds}",
  timeLeft: "{time} left in this round",
  waiting: "Round 1 starts when the session starts",
  over: "All rounds done",
  hint: "Speakers and observers move to their next table automatically when the round ends; guests stay.",
};

const STATUS_LABEL = {
  draft: "Draft",
  scheduled: "Scheduled",
  live: "Live",
  ended: "Ended",
  cancelled: "Cancelled",
} as const;

export default async function StaffRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const view = await orNotFound(staffRoomView(actor, id));
  const speedDating = await orNotFound(speedDatingView(actor, id));
  const story = await orNotFound(storyTurnsView(actor, id));
  const status = view.session.status;
  // The heading, the status badge and Start/End are drawn by StaffRoom: the status changes live.
  return (
    <div className="max-w-7xl space-y-4">
      <Link href={`/sessions/${id}`} className="text-sm text-blue-800 hover:underline">
        ← {view.session.title}
      </Link>
      <StaffRoom
        initial={view}
        statusLabels={STATUS_LABEL}
        strings={STRINGS}
        speedDating={speedDating}
        roundStrings={ROUND_STRINGS}
        story={story}
        closed={status === "ended" || status === "cancelled"}
      />
    </div>
  );
}
