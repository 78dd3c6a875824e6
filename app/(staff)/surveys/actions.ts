"use server";

import { clientAction } from "@/app/_lib/entry/client-action";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { zSaveTemplate } from "@/lib/validation/surveys";
import { saveSurveyTemplate } from "@/server/surveys/save-template";

/** The builder saves the whole template (name, questions, format defaults) as one object. */
export const saveTemplateAction = clientAction(
  staffEntry(zSaveTemplate, saveSurveyTemplate),
  "survey-template",
);
