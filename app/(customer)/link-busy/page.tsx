import { getTranslations } from "next-intl/server";
import { CustomerHeader } from "../customer-header";

export const metadata = { referrer: "no-referrer" as const };

/**
 * Where a personal link lands when too many links were opened from the same place in a minute:
 * the link itself may be fine, so this is not the invalid-link page.
 */
export default async function LinkBusyPage() {
  const t = await getTranslations("link");
  const c = await getTranslations("common");
  return (
    <>
      <CustomerHeader back="/link-busy" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("busyTitle")}</h1>
        <p className="mt-4 text-lg leading-relaxed">{t("busyBody")}</p>
        <p className="mt-6 text-slate-700">{c("help")}</p>
      </main>
    </>
  );
}
