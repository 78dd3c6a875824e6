import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorTextsProvider } from "@/components/ui/error-texts";
import { isLocale, LOCALE_TAGS } from "@/lib/i18n/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Immersion", template: "%s · Immersion" },
  description: "Customer immersion sessions and closed-loop feedback",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const large = (await cookies()).get("im_text")?.value === "large";
  const t = await getTranslations("errors");
  // Error boundaries are client components: they get their few texts from here, translated.
  const errorTexts = {
    title: t("errorTitle"),
    body: t("errorBody"),
    retry: t("retry"),
    back: t("backToStart"),
    backToInvitation: t("backToInvitation"),
  };
  return (
    <html lang={isLocale(locale) ? LOCALE_TAGS[locale] : "en-GB"} data-text={large ? "large" : "normal"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ErrorTextsProvider texts={errorTexts}>{children}</ErrorTextsProvider>
      </body>
    </html>
  );
}
