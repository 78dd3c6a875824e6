"use server";

import { redirect } from "next/navigation";
import { entry } from "@/app/_lib/entry/define-entry";
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

export const createSessionAction = formAction(
  entry({ actor: "staff", input: zCreateSession, run: ({ actor, input }) => createSession(actor, input) }),
  { read: readSessionForm, done: ({ id }) => redirect(`/sessions/${id}`) },
);

export const updateSessionAction = formAction(
  entry({ actor: "staff", input: zUpdateSession, run: ({ actor, input }) => updateSession(actor, input) }),
  { read: readSessionForm, done: onSessionPage("Saved.") },
);

export const scheduleDraftAction = formAction(
  entry({ actor: "staff", input: zSessionId, run: ({ actor, input }) => scheduleDraft(actor, input) }),
  { done: onSessionPage("Scheduled. You can now invite customers.") },
);

export const inviteCustomersAction = formAction(
  entry({
    actor: "staff",
    input: zInviteCustomers,
    run: ({ actor, input }) => inviteCustomers(actor, input),
  }),
  {
    arrays: ["customerIds"],
    done: onSessionPage(
      ({ invited, skipped }) =>
        `${invited} invitation${invited === 1 ? "" : "s"} sent${skipped ? `, ${skipped} already invited` : ""}.`,
    ),
  },
);

export const setSessionStaffAction = formAction(
  entry({ actor: "staff", input: zSessionStaff, run: ({ actor, input }) => setSessionStaff(actor, input) }),
  { done: onSessionPage("Staff updated.") },
);

export const removeSessionStaffAction = formAction(
  entry({
    actor: "staff",
    input: zRemoveSessionStaff,
    run: ({ actor, input }) => removeSessionStaff(actor, input),
  }),
  { done: onSessionPage("Removed from the session.") },
);

export const setPayoutAction = formAction(
  entry({ actor: "staff", input: zSetPayout, run: ({ actor, input }) => setPayoutStatus(actor, input) }),
  { done: onSessionPage("Payout updated.") },
);

export const startSessionAction = formAction(
  entry({ actor: "staff", input: zSessionId, run: ({ actor, input }) => startSession(actor, input) }),
  { done: onSessionPage("The session is live.") },
);

export const endSessionAction = formAction(
  entry({ actor: "staff", input: zSessionId, run: ({ actor, input }) => endSession(actor, input) }),
  { done: onSessionPage("The session has ended. Surveys are on their way to the guests.") },
);

export const reissueLinkAction = formAction(
  entry({
    actor: "staff",
    input: zInvitationRef,
    run: ({ actor, input }) => reissueInvitationLink(actor, input),
  }),
  { done: onSessionPage("A new link is on its way; the old one no longer works.") },
);

export const revokeLinkAction = formAction(
  entry({
    actor: "staff",
    input: zInvitationRef,
    run: ({ actor, input }) => revokeInvitationLink(actor, input),
  }),
  { done: onSessionPage("The link no longer works.") },
);
