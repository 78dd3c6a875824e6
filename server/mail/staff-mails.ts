import "server-only";
import type { MailAttachment } from "@/db/schema";
import { formatDateTime } from "@/lib/dates";
import { appLink } from "./customer-mails";
import { renderMail } from "./render";

/** Schedule changes for staff attending a session (staff read English), times in their own zone. */
export function staffScheduleMail(
  kind: "rescheduled" | "cancelled",
  p: {
    sessionId: string;
    title: string;
    startsAt: Date;
    timeZone: string;
    durationMinutes: number;
    calendar: MailAttachment;
  },
) {
  const when = formatDateTime(p.startsAt, p.timeZone);
  const moved = kind === "rescheduled";
  return {
    subject: moved ? `New time: ${p.title}` : `Cancelled: ${p.title}`,
    attachments: [p.calendar],
    ...renderMail({
      lang: "en",
      heading: moved ? "A session you attend has a new time" : "A session you attend is cancelled",
      blocks: [
        {
          paragraph: moved
            ? `${p.title} now takes place on ${when} and lasts ${p.durationMinutes} minutes. The attached calendar file updates your calendar.`
            : `${p.title}, planned for ${when}, is cancelled. The attached calendar file removes it from your calendar.`,
        },
        { button: { label: "Open the session", href: appLink(`/sessions/${p.sessionId}`) } },
      ],
    }),
  };
}
