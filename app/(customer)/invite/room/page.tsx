import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoomClient } from "@/components/room/room-client";
import { currentInvitee } from "@/server/auth/invitee";
import { myRoomNotice } from "@/server/rooms/moderation/my-room-notice";
import { CustomerHeader } from "../../customer-header";

export const metadata: Metadata = { title: "Session room", referrer: "no-referrer" };

const ROOM_KEYS = [
  "intro",
  "audioOnly",
  "join",
  "leave",
  "connecting",
  "connected",
  "reconnecting",
  "disconnected",
  "failed",
  "you",
  "muted",
  "mute",
  "unmute",
  "checkDevices",
  "microphone",
  "camera",
  "micLevel",
  "preview",
  "permissionDenied",
  "noDevice",
  "deviceError",
  "captionsTitle",
  "showCaptions",
  "hideCaptions",
  "captionsEmpty",
  "roleFacilitator",
  "roleSpeaker",
  "roleObserver",
  "poorConnection",
  "ended",
  "endedNote",
  "floorGiven",
  "audioBlocked",
  "startAudio",
  "cameraOn",
  "cameraOff",
  "devices",
] as const;
// Filled in by the room ({name}, {place}, {count}), so read raw.
const RAW_KEYS = ["storyNow", "storyYouNow", "storyYouNext", "storyYourPlace", "storyYouDone"] as const;

export default async function CustomerRoomPage() {
  const found = await currentInvitee();
  if (!found) redirect("/link-invalid");
  const t = await getTranslations("room");
  const strings = Object.fromEntries(ROOM_KEYS.map((k) => [k, t(k)])) as Record<
    (typeof ROOM_KEYS)[number],
    string
  >;
  const booked = found.invitation.status === "accepted" || found.invitation.status === "attended";
  // A warning or removal is shown again after a reload: it was saved before it was sent.
  const notice = await myRoomNotice(found.actor);
  const notices = {
    title: t("noticeTitle"),
    warning_1: t("warning_1"),
    warning_2: t("warning_2"),
    removal: t("removal"),
  };
  const open = found.session.status === "scheduled" || found.session.status === "live";
  return (
    <>
      <CustomerHeader back="/invite/room" />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 text-lg">
        <p className="text-slate-700">{found.session.title}</p>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <div className="mt-6">
          {!booked ? (
            <p>{t("notBooked")}</p>
          ) : found.session.status === "ended" ? (
            <div data-ended className="max-w-2xl rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <p className="text-xl font-semibold">{t("ended")}</p>
              <p className="mt-2 text-slate-700">{t("endedNote")}</p>
            </div>
          ) : !open ? (
            <p>{t("cancelled")}</p>
          ) : (
            <RoomClient
              sessionId={found.session.id}
              strings={{
                ...strings,
                listeners: t("peopleHere"),
                // {count} is filled in by the room as listeners come and go.
                hiddenOne: t("hiddenOne"),
                hiddenMany: t.raw("hiddenMany") as string,
                ...(Object.fromEntries(RAW_KEYS.map((k) => [k, t.raw(k) as string])) as Record<
                  (typeof RAW_KEYS)[number],
                  string
                >),
              }}
              defaultAudioOnly={found.invitation.accommodations.includes("audio_only")}
              defaultCaptions={found.invitation.accommodations.includes("captions")}
              notices={notices}
              initialNotice={notice}
              roundStrings={{
                // {table}, {round}, {rounds} and {time} are filled in by the round timer.
                tableRound: t.raw("tableRound") as string,
                timeLeft: t.raw("roundTimeLeft") as string,
                waiting: t("roundWaiting"),
                over: t("roundsOver"),
                hint: t("roundHint"),
              }}
            />
          )}
        </div>
      </main>
    </>
  );
}
