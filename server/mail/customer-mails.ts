import "server-only";
import type { MailAttachment } from "@/db/schema";
import { env } from "@/env";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS, type Locale } from "@/lib/i18n/config";
import { type MailBlock, renderMail } from "./render";
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
  calendar?: MailAttachment;
}) {
  const t = emailTranslator(p.locale);
  const when = formatDateTime(p.startsAt, p.timeZone, LOCALE_TAGS[p.locale]);
  return {
    subject: t("inviteSubject", { title: p.title }),
    attachments: p.calendar ? [p.calendar] : [],
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

export function surveyMail(p: { locale: Locale; token: string; title: string; reminder?: boolean }) {
  const t = emailTranslator(p.locale);
  return {
    subject: t(p.reminder ? "surveyReminderSubject" : "surveySubject", { title: p.title }),
    ...renderMail({
      lang: p.locale,
      heading: t(p.reminder ? "surveyReminderHeading" : "surveyHeading"),
      blocks: [
        { paragraph: t(p.reminder ? "surveyReminderBody" : "surveyBody") },
        { button: { label: t("surveyButton"), href: appLink(`/s/${p.token}`) } },
        { small: t("surveyFooter") },
      ],
    }),
  };
}

export type SessionMailKind = "reminder_day" | "reminder_hour" | "rescheduled" | "cancelled" | "promoted";

/** Text of a calendar entry's description, in the customer's language. */
export function calendarDescription(locale: Locale, token: string | null): string {
  const t = emailTranslator(locale);
  return token
    ? t("calendarDescription", { url: appLink(`/i/${token}`) })
    : t("calendarCancelledDescription");
}

/**
 * The emails that follow an invitation, in the customer's language with times in their own zone.
 * Every one that can still be acted on carries a fresh personal link and the way to withdraw.
 */
export function sessionMail(
  kind: SessionMailKind,
  p: {
    locale: Locale;
    /** A personal link token; null only for a cancellation, where nothing is left to answer. */
    token: string | null;
    title: string;
    startsAt: Date;
    timeZone: string;
    durationMinutes: number;
    calendar?: MailAttachment;
  },
) {
  const t = emailTranslator(p.locale);
  const when = formatDateTime(p.startsAt, p.timeZone, LOCALE_TAGS[p.locale]);
  const facts = { title: p.title, when, minutes: p.durationMinutes };
  const link = p.token ? appLink(`/i/${p.token}`) : null;
  // The landing page's withdraw section; the fragment survives the link's redirect to /invite.
  const withdraw = p.token ? appLink(`/i/${p.token}#help`) : null;
  const text = {
    reminder_day: {
      subject: t("reminderDaySubject", facts),
      heading: t("reminderHeading"),
      body: t("reminderBody", facts),
      button: t("reminderButton"),
    },
    reminder_hour: {
      subject: t("reminderHourSubject", facts),
      heading: t("reminderHeading"),
      body: t("reminderBody", facts),
      button: t("reminderButton"),
    },
    rescheduled: {
      subject: t("rescheduleSubject", facts),
      heading: t("rescheduleHeading"),
      body: t("rescheduleBody", facts),
      button: t("rescheduleButton"),
    },
    cancelled: {
      subject: t("cancelSubject", facts),
      heading: t("cancelHeading"),
      body: t("cancelBody", facts),
      button: null,
    },
    promoted: {
      subject: t("promotedSubject", facts),
      heading: t("promotedHeading"),
      body: t("promotedBody", facts),
      button: t("promotedButton"),
    },
  }[kind];
  const blocks: MailBlock[] = [{ paragraph: text.body }];
  if (link && text.button) blocks.push({ button: { label: text.button, href: link } });
  if (withdraw) blocks.push({ small: t("withdrawHint", { url: withdraw }) });
  return {
    subject: text.subject,
    attachments: p.calendar ? [p.calendar] : [],
    ...renderMail({ lang: p.locale, heading: text.heading, blocks }),
  };
}

/** Sent once a customer has withdrawn: it says only that it is done (no name, session or link). */
export function withdrawalConfirmationMail(locale: Locale) {
  const t = emailTranslator(locale);
  return {
    subject: t("withdrawnSubject"),
    ...renderMail({
      lang: locale,
      heading: t("withdrawnHeading"),
      blocks: [{ paragraph: t("withdrawnBody") }, { small: t("withdrawnFooter") }],
    }),
  };
}
