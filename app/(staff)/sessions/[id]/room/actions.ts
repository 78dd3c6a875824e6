"use server";

import { clientAction } from "@/app/_lib/entry/client-action";
import { entry } from "@/app/_lib/entry/define-entry";
import {
  zAddNote,
  zCaption,
  zFloor,
  zMergeQuestions,
  zModerate,
  zMuteTrack,
  zQuestionAction,
  zStoryTurn,
  zSubmitQuestion,
} from "@/lib/validation/rooms";
import { zSessionId } from "@/lib/validation/sessions";
import { actOnQuestion } from "@/server/rooms/backroom/act-on-question";
import { addNote } from "@/server/rooms/backroom/add-note";
import { mergeQuestions } from "@/server/rooms/backroom/merge-questions";
import { submitQuestion } from "@/server/rooms/backroom/submit-question";
import { sendCaption } from "@/server/rooms/captions";
import { muteParticipantTrack, setFloor } from "@/server/rooms/floor";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { staffRoomView } from "@/server/rooms/staff-room";
import { moveStoryTurn } from "@/server/rooms/story-turns";

// The room's controls call these with plain objects; each goes through the entry kit (signed-in
// staff, strict input), and the domain function authorizes against the session.
export const moderateAction = clientAction(
  entry({ actor: "staff", input: zModerate, run: ({ actor, input }) => moderateParticipant(actor, input) }),
  "room-moderate",
);
export const muteAction = clientAction(
  entry({ actor: "staff", input: zMuteTrack, run: ({ actor, input }) => muteParticipantTrack(actor, input) }),
  "room-mute",
);
export const floorAction = clientAction(
  entry({ actor: "staff", input: zFloor, run: ({ actor, input }) => setFloor(actor, input) }),
  "room-floor",
);
export const submitQuestionAction = clientAction(
  entry({ actor: "staff", input: zSubmitQuestion, run: ({ actor, input }) => submitQuestion(actor, input) }),
  "room-question",
);
export const questionAction = clientAction(
  entry({ actor: "staff", input: zQuestionAction, run: ({ actor, input }) => actOnQuestion(actor, input) }),
  "room-question-step",
);
export const mergeQuestionsAction = clientAction(
  entry({ actor: "staff", input: zMergeQuestions, run: ({ actor, input }) => mergeQuestions(actor, input) }),
  "room-merge",
);
export const addNoteAction = clientAction(
  entry({ actor: "staff", input: zAddNote, run: ({ actor, input }) => addNote(actor, input) }),
  "room-note",
);
export const loadRoomAction = clientAction(
  entry({
    actor: "staff",
    input: zSessionId,
    run: ({ actor, input }) => staffRoomView(actor, input.sessionId),
  }),
  "room-load",
);
export const captionAction = clientAction(
  entry({ actor: "staff", input: zCaption, run: ({ actor, input }) => sendCaption(actor, input) }),
  "room-caption",
);
export const storyTurnAction = clientAction(
  entry({ actor: "staff", input: zStoryTurn, run: ({ actor, input }) => moveStoryTurn(actor, input) }),
  "room-story-turn",
);
