import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { appLink } from "@/server/mail/customer-mails";
import { renderMail } from "@/server/mail/render";
import { emailTranslator } from "@/server/mail/translator";

/**
 * "You told us — here is what we changed", in the customer's language. `change` is what the
 * facilitator wrote for that language; the withdraw link (their invitation page's help section)
 * is absent only in the facilitator's preview.
 */
export function changeMail(p: { locale: Locale; change: string; token: string | null }) {
  const t = emailTranslator(p.locale);
  const withdraw = p.token ? appLink(`/i/${p.token}#help`) : appLink("/i/…#help");
  return {
    subject: t("changeSubject"),
    ...renderMail({
      lang: p.locale,
      heading: t("changeHeading"),
      blocks: [
        { paragraph: t("changeBody") },
        { paragraph: p.change },
        { small: t("changeFooter") },
        { small: t("withdrawHint", { url: withdraw }) },
      ],
    }),
  };
}
