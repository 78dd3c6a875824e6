"use server";

import { redirect } from "next/navigation";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction, formToObject } from "@/app/_lib/entry/form-action";
import { zInvitationRef } from "@/lib/validation/invitations";
import {
  sessionFormInput,
  zCreateSession,
  zInviteCustomers,
  zRemoveSessionStaff,
  zSessionId,
  zSessionStaff,
  zSetPayout,
  zUpdateSession,
} from "@/lib/validation/sessions";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { reissueInvitationLink, revokeInvitationLink } from "@/server/invitations/reissue-link";
import { setPayoutStatus } from "@/server/invitations/set-payout";
import { createSession } from "@/server/sessions/create-session";
import { removeSessionStaff, setSessionStaff } from "@/server/sessions/session-staff";
import { endSession, scheduleDraft, startSession } from "@/server/sessions/set-session-status";
import { updateSession } from "@/server/sessions/update-session";
import { onSessionPage } from "./on-session-page";

/** A session form's checkboxes are absent when unticked. */
const readSessionForm = (form: FormData) => sessionFormInput(formToObject(form));

export const createSessionAction = formAction(staffEntry(zCreateSession, createSession), {
  read: readSessionForm,
  done: ({ id }) => redirect(`/sessions/${id}`),
});

export const updateSessionAction = formAction(staffEntry(zUpdateSession, updateSession), {
  read: readSessionForm,
  done: onSessionPage("Saved."),
});

export const scheduleDraftAction = formAction(staffEntry(zSessionId, scheduleDraft), {
  done: onSessionPage("Scheduled. You can now invite customers."),
});

export const inviteCustomersAction = formAction(staffEntry(zInviteCustomers, inviteCustomers), {
  arrays: ["customerIds"],
  done: onSessionPage(
    ({ invited, skipped }) =>
      `${invited} invitation${invited === 1 ? "" : "s"} sent${skipped ? `, ${skipped} already invited` : ""}.`,
  ),
});

export const setSessionStaffAction = formAction(staffEntry(zSessionStaff, setSessionStaff), {
  done: onSessionPage("Staff updated."),
});

export const removeSessionStaffAction = formAction(staffEntry(zRemoveSessionStaff, removeSessionStaff), {
  done: onSessionPage("Removed from the session."),
});

export const setPayoutAction = formAction(staffEntry(zSetPayout, setPayoutStatus), {
  done: onSessionPage("Payout updated."),
});

export const startSessionAction = formAction(staffEntry(zSessionId, startSession), {
  done: onSessionPage("The session is live."),
});

export const endSessionAction = formAction(staffEntry(zSessionId, endSession), {
  done: onSessionPage("The session has ended. Surveys are on their way to the guests."),
});

export const reissueLinkAction = formAction(staffEntry(zInvitationRef, reissueInvitationLink), {
  done: onSessionPage("A new link is on its way; the old one no longer works."),
});

export const revokeLinkAction = formAction(staffEntry(zInvitationRef, revokeInvitationLink), {
  done: onSessionPage("The link no longer works."),
});
