import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { setCustomerPreferences } from "./preferences-actions";

/** The customer pages' header: language and text size, each a small POST form. */
export async function CustomerHeader({ back }: { back: string }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const large = (await cookies()).get("im_text")?.value === "large";
  // The company's own name and logo (admin settings) instead of the product's.
  const company = await getCompanySettings();
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="flex items-center gap-2 text-lg font-bold text-blue-800">
          {company.logoUrl && (
            // biome-ignore lint/performance/noImgElement: an admin-set logo of unknown size and host
            <img src={company.logoUrl} alt="" className="h-8 w-auto" />
          )}
          {company.name}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <form action={setCustomerPreferences} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="back" value={back} />
            <label htmlFor="lang" className="text-sm">
              {t("language")}
            </label>
            <select
              id="lang"
              name="lang"
              defaultValue={locale}
              className="min-h-11 rounded-md border border-slate-400 bg-white px-2 text-sm"
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="min-h-11 rounded-md px-3 text-sm font-semibold text-blue-800 ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {t("change")}
            </button>
          </form>
          <form action={setCustomerPreferences}>
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="text" value={large ? "normal" : "large"} />
            <button
              type="submit"
              aria-pressed={large}
              className="min-h-11 rounded-md px-3 text-sm font-semibold text-blue-800 ring-1 ring-slate-300 hover:bg-slate-100"
            >
              {large ? t("normalText") : t("largeText")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
