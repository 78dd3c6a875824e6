import { getTranslations } from "next-intl/server";
import { CustomerHeader } from "../customer-header";

export const metadata = { referrer: "no-referrer" as const };

export default async function LinkInvalidPage() {
  const t = await getTranslations("link");
  const c = await getTranslations("common");
  return (
    <>
      <CustomerHeader back="/link-invalid" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("invalidTitle")}</h1>
        <p className="mt-4 text-lg leading-relaxed">{t("invalidBody")}</p>
        <p className="mt-6 text-slate-700">{c("help")}</p>
      </main>
    </>
  );
}
