import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldGroup, TextArea } from "@/components/ui/field";
import { currentRespondent } from "@/server/surveys/resolve-survey";
import { CustomerHeader } from "../customer-header";
import { submitSurveyAction, withdrawFromSurveyAction } from "./actions";

export const metadata: Metadata = { title: "Survey", referrer: "no-referrer" };

const radio = "peer sr-only";
const pill =
  "flex min-h-12 min-w-12 cursor-pointer items-center justify-center rounded-md border border-slate-400 bg-white px-3 text-base font-semibold peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-blue-700";

export default async function SurveyPage() {
  const found = await currentRespondent();
  if (!found) redirect("/link-invalid");
  const t = await getTranslations("survey");
  const inv = await getTranslations("invite");
  const c = await getTranslations("common");
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
  const errorText = {
    csat: t("chooseCsat"),
    nps: t("chooseNps"),
    "Please check the highlighted fields.": c("checkFields"),
  };
  return (
    <>
      <CustomerHeader back="/survey" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-8 text-lg">
        <p className="text-slate-700">{found.title}</p>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2">{t("intro")}</p>
        <div className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <ActionForm action={submitSurveyAction} className="space-y-8" translateError={errorText}>
            <FieldGroup name="csat" legend={t("csatLabel")} legendClassName="font-semibold">
              <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-5">
                {[1, 2, 3, 4, 5].map((n) => (
                  <div key={n}>
                    <input type="radio" name="csat" id={`csat-${n}`} value={n} required className={radio} />
                    <label htmlFor={`csat-${n}`} className={`${pill} text-center text-sm`}>
                      {n} · {t(`csat_${n}`)}
                    </label>
                  </div>
                ))}
              </div>
            </FieldGroup>
            <FieldGroup name="nps" legend={t("npsLabel")} legendClassName="font-semibold">
              <div className="mt-3 flex flex-wrap gap-2">
                {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                  <div key={n}>
                    <input type="radio" name="nps" id={`nps-${n}`} value={n} required className={radio} />
                    <label htmlFor={`nps-${n}`} className={pill}>
                      {n}
                    </label>
                  </div>
                ))}
              </div>
              <p className="mt-2 flex justify-between text-sm text-slate-700">
                <span>0 = {t("npsLow")}</span>
                <span>10 = {t("npsHigh")}</span>
              </p>
            </FieldGroup>
            <TextArea name="comment" label={t("commentLabel")} hint={t("commentHint")} maxLength={5000} />
            <Button>{t("submit")}</Button>
          </ActionForm>
        </div>
        {withdraw}
      </main>
    </>
  );
}
