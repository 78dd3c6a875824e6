import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";

// Customer pages have no locale in the URL (personal links must stay short and opaque): the
// language comes from a cookie set from the customer's preference and from the switcher.
export default getRequestConfig(async () => {
  const store = await cookies();
  const fromCookie = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default, timeZone: "UTC" };
});
