"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { entry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { zNoInput } from "@/lib/validation/no-input";
import { withdrawRespondent } from "@/server/surveys/withdraw-respondent";
import { submitSurvey } from "./submit-survey";

export const submitSurveyAction = formAction(submitSurvey, {
  done: () => revalidatePath("/survey"),
});

export const withdrawFromSurveyAction = formAction(
  entry({
    actor: "respondent",
    input: zNoInput,
    limit: (actor) => [{ key: `withdraw:srv:${actor.surveyId}`, max: 20, windowSeconds: 600 }],
    run: ({ actor }) => withdrawRespondent(actor),
  }),
  { done: () => redirect("/withdrawn") },
);
