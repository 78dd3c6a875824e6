"use server";

import { ZodError } from "zod";
import { zSessionId } from "@/lib/validation/sessions";
import { currentStaff } from "@/server/auth/staff";
import { DomainError, unauthenticated } from "@/server/errors";
import { actOnQuestion } from "@/server/rooms/backroom/act-on-question";
import { addNote } from "@/server/rooms/backroom/add-note";
import { mergeQuestions } from "@/server/rooms/backroom/merge-questions";
import { submitQuestion } from "@/server/rooms/backroom/submit-question";
import { sendCaption } from "@/server/rooms/captions";
import { muteParticipantTrack, setFloor } from "@/server/rooms/floor";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { staffRoomView } from "@/server/rooms/staff-room";

export type RoomActionResult<T> = { ok: true; data: T } | { ok: false; message: string };

// Called from the room's client components with plain objects; every input is parsed by zod in
// the domain function, and errors come back as a message (never a stack trace).
async function run<T>(fn: (actor: NonNullable<Awaited<ReturnType<typeof currentStaff>>>) => Promise<T>) {
  try {
    const actor = await currentStaff();
    if (!actor) throw unauthenticated();
    return { ok: true, data: await fn(actor) } as RoomActionResult<T>;
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message } as RoomActionResult<T>;
    if (error instanceof ZodError)
      return {
        ok: false,
        message: error.issues[0]?.message ?? "Please check the form",
      } as RoomActionResult<T>;
    console.error("[room-action] unexpected error", error instanceof Error ? error.message : error);
    return {
      ok: false,
      message: "Something went wrong. Nothing was lost; please try again.",
    } as RoomActionResult<T>;
  }
}

export async function moderateAction(input: Parameters<typeof moderateParticipant>[1]) {
  return run((a) => moderateParticipant(a, input));
}

export async function muteAction(input: Parameters<typeof muteParticipantTrack>[1]) {
  return run((a) => muteParticipantTrack(a, input));
}

export async function floorAction(input: Parameters<typeof setFloor>[1]) {
  return run((a) => setFloor(a, input));
}

export async function submitQuestionAction(input: Parameters<typeof submitQuestion>[1]) {
  return run((a) => submitQuestion(a, input));
}

export async function questionAction(input: Parameters<typeof actOnQuestion>[1]) {
  return run((a) => actOnQuestion(a, input));
}

export async function mergeQuestionsAction(input: Parameters<typeof mergeQuestions>[1]) {
  return run((a) => mergeQuestions(a, input));
}

export async function addNoteAction(input: Parameters<typeof addNote>[1]) {
  return run((a) => addNote(a, input));
}

export async function loadRoomAction(input: { sessionId: string }) {
  return run((a) => staffRoomView(a, zSessionId.parse(input).sessionId));
}

export async function captionAction(input: Parameters<typeof sendCaption>[1]) {
  return run((a) => sendCaption(a, input));
}
