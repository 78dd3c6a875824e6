"use server";

import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zSendOutreach } from "@/lib/validation/outreach";
import { sendOutreach } from "@/server/analytics/send-outreach";

export const sendOutreachAction = formAction(staffEntry(zSendOutreach, sendOutreach), {
  done: ({ sent }) =>
    `Queued ${sent} ${sent === 1 ? "email" : "emails"}; the outbox sends them in the next minute.`,
});
