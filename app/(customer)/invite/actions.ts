"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientKey } from "@/app/_lib/client-key";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { isLocale } from "@/lib/i18n/config";
import { zInvitationResponse } from "@/lib/validation/invitations";
import { currentInvitee } from "@/server/auth/invitee";
import { notFound, rateLimited } from "@/server/errors";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { consumeRateLimit } from "@/server/security/rate-limit";

async function invitee(bucket: string) {
  const found = await currentInvitee();
  if (!found) throw notFound();
  const client = clientKey(await headers());
  const ok =
    (await consumeRateLimit(`${bucket}:inv:${found.actor.invitationId}`, 20, 600)) &&
    (await consumeRateLimit(`${bucket}:ip:${client}`, 100, 600));
  if (!ok) throw rateLimited();
  return found.actor;
}

export async function respondAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const actor = await invitee("rsvp");
    const locale = await getLocale();
    const input = zInvitationResponse.parse(formToObject(form, ["accommodations"]));
    await respondToInvitation(actor, input, isLocale(locale) ? locale : "en");
    revalidatePath("/invite");
  });
}

export async function withdrawAction(_: FormState, _form: FormData): Promise<FormState> {
  return runForm(async () => {
    const actor = await invitee("withdraw");
    await withdrawCustomer(actor);
    revalidatePath("/invite");
  });
}
