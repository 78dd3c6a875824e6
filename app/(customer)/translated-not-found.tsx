import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { wayBack } from "./way-back";

/** The "page not found" page in the visitor's language, with a way back that fits them. */
export async function TranslatedNotFound() {
  const t = await getTranslations("errors");
  const c = await getTranslations("common");
  const back = await wayBack();
  const company = await getCompanySettings();
  return (
    <StatusPage
      brand={company.name}
      title={t("notFoundTitle")}
      actions={
        <Link href={back.href} className={buttonClass()}>
          {t(back.label)}
        </Link>
      }
    >
      <p>{t("notFoundBody")}</p>
      {back.label !== "backToStart" && <p className="text-base text-slate-700">{c("help")}</p>}
    </StatusPage>
  );
}
