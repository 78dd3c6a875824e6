import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/app/_lib/request-locale";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { currentRespondent } from "@/server/surveys/resolve-survey";
import { getSurveyPage } from "@/server/surveys/survey-page";
import { CustomerHeader } from "../customer-header";
import { withdrawFromSurveyAction } from "./actions";
import { SurveyForm } from "./survey-form";
import { surveyLabels } from "./survey-labels";

export const metadata: Metadata = { title: "Survey", referrer: "no-referrer" };

export default async function SurveyPage() {
  const found = await currentRespondent();
  if (!found) redirect("/link-invalid");
  const t = await getTranslations("survey");
  const inv = await getTranslations("invite");
  // The way out is offered from every customer page a mail leads to.
  const withdraw = (
    <details className="mt-10 rounded-lg bg-slate-100 p-5">
      <summary className="cursor-pointer font-semibold text-blue-800">{inv("withdrawButton")}</summary>
      <ActionForm action={withdrawFromSurveyAction} className="mt-3 space-y-3">
        <p>{inv("withdrawExplain")}</p>
        <Button variant="danger">{inv("withdrawConfirm")}</Button>
      </ActionForm>
    </details>
  );
  if (found.answered) {
    return (
      <>
        <CustomerHeader back="/survey" />
        <main id="main" className="mx-auto max-w-2xl px-4 py-10 text-lg">
          <h1 className="text-3xl font-bold">{t("thanksTitle")}</h1>
          <p className="mt-4" role="status">
            {t("thanksBody")}
          </p>
          {withdraw}
        </main>
      </>
    );
  }
  const view = await getSurveyPage(found.actor, await requestLocale());
  const labels = await surveyLabels();
  const status = {
    saving: t("saving"),
    saved: t("saved"),
    savedHere: t("savedHere"),
    checkAnswers: t("checkAnswers"),
    notSent: t("notSent"),
    submit: t("submit"),
    sending: t("sending"),
  };
  const resumed = Object.keys(view.answers).length > 0;
  return (
    <>
      <CustomerHeader back="/survey" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-8 text-lg">
        <p className="text-slate-700">{found.title}</p>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        {resumed ? (
          <div className="mt-4 rounded-md bg-blue-50 p-4 ring-1 ring-blue-200">
            <h2 className="font-semibold">{t("continueTitle")}</h2>
            <p>{t("continueBody")}</p>
          </div>
        ) : (
          <p className="mt-2">{t("intro")}</p>
        )}
        <div className="mt-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <SurveyForm view={view} labels={labels} status={status} />
        </div>
        {withdraw}
      </main>
    </>
  );
}
