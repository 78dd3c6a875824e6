"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zSendSurveyNow, zSessionSurvey } from "@/lib/validation/surveys";
import { saveSessionSurvey, sendSurveyNow } from "@/server/surveys/session-survey";

export const saveSessionSurveyAction = formAction(staffEntry(zSessionSurvey, saveSessionSurvey), {
  done: (_r, input) => {
    revalidatePath(`/sessions/${input.sessionId}`);
    return { message: "Survey settings saved." };
  },
});

export const sendSurveyNowAction = formAction(staffEntry(zSendSurveyNow, sendSurveyNow), {
  arrays: ["invitationIds"],
  done: (r, input) => {
    revalidatePath(`/sessions/${input.sessionId}`);
    const parts = [`Sent to ${r.sent} attendee${r.sent === 1 ? "" : "s"}.`];
    if (r.capped) parts.push(`${r.capped} surveyed too recently (frequency cap).`);
    if (r.notEmailable) parts.push(`${r.notEmailable} may not be emailed.`);
    return { message: parts.join(" ") };
  },
});
