import { getTranslations } from "next-intl/server";
import { CustomerHeader } from "../customer-header";

export const metadata = { referrer: "no-referrer" as const };

/** Where a withdrawal ends: the links are gone, so this page holds nothing personal. */
export default async function WithdrawnPage() {
  const t = await getTranslations("invite");
  const c = await getTranslations("common");
  return (
    <>
      <CustomerHeader back="/withdrawn" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-10 text-lg">
        <h1 className="text-2xl font-bold">{t("statusWithdrawn")}</h1>
        <p className="mt-6 text-slate-700">{c("help")}</p>
      </main>
    </>
  );
}
