"use server";

import { redirect } from "next/navigation";
import { clientAction } from "@/app/_lib/entry/client-action";
import { entry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zNoInput } from "@/lib/validation/no-input";
import { withdrawRespondent } from "@/server/surveys/withdraw-respondent";
import { submitSurvey } from "./submit-survey";

/** Partial saves and the final submit, called by the survey form with { answers, final }. */
export const submitSurveyAction = clientAction(submitSurvey, "survey");

export const withdrawFromSurveyAction = formAction(
  entry({
    actor: "respondent",
    input: zNoInput,
    limit: (actor) => [{ key: `withdraw:srv:${actor.surveyId}`, max: 20, windowSeconds: 600 }],
    run: ({ actor }) => withdrawRespondent(actor),
  }),
  { done: () => redirect("/withdrawn") },
);
