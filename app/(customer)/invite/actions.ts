"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { entry, type RateLimit } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { requestLocale } from "@/app/_lib/request-locale";
import { zInvitationResponse } from "@/lib/validation/invitations";
import { zNoInput } from "@/lib/validation/no-input";
import type { CustomerActor } from "@/server/auth/actor";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { withdrawCustomer } from "@/server/invitations/withdraw";

/** Per invitation link and per address, so neither a leaked link nor one machine can hammer it. */
const perLinkAndAddress =
  (bucket: string) =>
  (actor: CustomerActor, client: string): RateLimit[] => [
    { key: `${bucket}:inv:${actor.invitationId}`, max: 20, windowSeconds: 600 },
    { key: `${bucket}:ip:${client}`, max: 100, windowSeconds: 600 },
  ];

export const respondAction = formAction(
  entry({
    actor: "invitee",
    input: zInvitationResponse,
    limit: perLinkAndAddress("rsvp"),
    run: async ({ actor, input }) => respondToInvitation(actor, input, await requestLocale()),
  }),
  { arrays: ["accommodations"], done: () => revalidatePath("/invite") },
);

export const withdrawAction = formAction(
  entry({
    actor: "invitee",
    input: zNoInput,
    limit: perLinkAndAddress("withdraw"),
    run: ({ actor }) => withdrawCustomer(actor),
  }),
  // The links are revoked now, so the invitation page would answer "not valid": the customer
  // lands on the page that says it is done (in the language their cookie already names).
  { done: () => redirect("/withdrawn") },
);
