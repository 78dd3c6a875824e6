import "server-only";
import { env } from "@/env";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS, type Locale } from "@/lib/i18n/config";
import { renderMail } from "./render";
import { emailTranslator } from "./translator";

/** Links in emails are built from the configured app URL, never from a request. */
export const appLink = (path: string) => new URL(path, env.APP_URL).toString();

export function invitationMail(p: {
  locale: Locale;
  token: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
}) {
  const t = emailTranslator(p.locale);
  const when = formatDateTime(p.startsAt, p.timeZone, LOCALE_TAGS[p.locale]);
  return {
    subject: t("inviteSubject", { title: p.title }),
    ...renderMail({
      lang: p.locale,
      heading: t("inviteHeading"),
      blocks: [
        { paragraph: t("inviteBody", { title: p.title, when, minutes: p.durationMinutes }) },
        { button: { label: t("inviteButton"), href: appLink(`/i/${p.token}`) } },
        { small: t("inviteFooter") },
      ],
    }),
  };
}

export function surveyMail(p: { locale: Locale; token: string; title: string }) {
  const t = emailTranslator(p.locale);
  return {
    subject: t("surveySubject", { title: p.title }),
    ...renderMail({
      lang: p.locale,
      heading: t("surveyHeading"),
      blocks: [
        { paragraph: t("surveyBody") },
        { button: { label: t("surveyButton"), href: appLink(`/s/${p.token}`) } },
        { small: t("surveyFooter") },
      ],
    }),
  };
}
