"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { clientKey } from "@/app/_lib/client-key";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { isLocale } from "@/lib/i18n/config";
import { zSurveyAnswer } from "@/lib/validation/surveys";
import { notFound, rateLimited } from "@/server/errors";
import { consumeRateLimit } from "@/server/security/rate-limit";
import { currentRespondent } from "@/server/surveys/resolve-survey";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import { withdrawRespondent } from "@/server/surveys/withdraw-respondent";

export async function submitSurveyAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const found = await currentRespondent();
    if (!found) throw notFound();
    const ok =
      (await consumeRateLimit(`survey:${found.actor.surveyId}`, 20, 600)) &&
      (await consumeRateLimit(`survey:ip:${clientKey(await headers())}`, 200, 600));
    if (!ok) throw rateLimited();
    const locale = await getLocale();
    const input = zSurveyAnswer.parse(formToObject(form));
    await submitSurveyResponse(found.actor, input, isLocale(locale) ? locale : "en");
    revalidatePath("/survey");
  });
}

export async function withdrawFromSurveyAction(_: FormState, _form: FormData): Promise<FormState> {
  const state = await runForm(async () => {
    const found = await currentRespondent();
    if (!found) throw notFound();
    if (!(await consumeRateLimit(`withdraw:srv:${found.actor.surveyId}`, 20, 600))) throw rateLimited();
    await withdrawRespondent(found.actor);
  });
  if (state?.ok) redirect("/withdrawn");
  return state;
}
