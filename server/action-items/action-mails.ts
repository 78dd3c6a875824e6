import "server-only";
import { formatDate } from "@/lib/dates";
import { appLink } from "@/server/mail/customer-mails";
import { renderMail } from "@/server/mail/render";

// Staff read English. Each mail names the action and links to it; nothing about customers.

export type ActionMailKind =
  | "assigned"
  | "reassigned"
  | "done"
  | "reminder"
  | "escalated_head"
  | "escalated_executives";

type Facts = {
  actionId: string;
  title: string;
  department: string;
  owner: string;
  deadline: Date;
  /** The recipient's zone, for the deadline. */
  timeZone: string;
  note?: string | null;
};

export function actionMail(kind: ActionMailKind, f: Facts) {
  const due = formatDate(f.deadline, f.timeZone);
  const text: Record<ActionMailKind, { subject: string; heading: string; body: string }> = {
    assigned: {
      subject: `New action for you: ${f.title}`,
      heading: "An action has been assigned to you",
      body: `${f.title} (${f.department}) is yours to work, due ${due}.`,
    },
    reassigned: {
      subject: `Action reassigned to you: ${f.title}`,
      heading: "An action has been reassigned to you",
      body: `${f.title} (${f.department}) is now yours to work, due ${due}.`,
    },
    done: {
      subject: `Done, ready to verify: ${f.title}`,
      heading: "An action you assigned is done",
      body: `${f.owner} marked ${f.title} (${f.department}) as done. Check the change and verify it, or reopen it with a reason.`,
    },
    reminder: {
      subject: `Due ${due}: ${f.title}`,
      heading: "An action of yours is due soon",
      body: `${f.title} (${f.department}) is due ${due}. Mark it done with evidence of the fix, or ask for a new deadline.`,
    },
    escalated_head: {
      subject: `Overdue in ${f.department}: ${f.title}`,
      heading: "An action in your department is overdue",
      body: `${f.title}, owned by ${f.owner}, was due ${due} and is not done yet.`,
    },
    escalated_executives: {
      subject: `Still overdue: ${f.title} (${f.department})`,
      heading: "An action is still overdue after escalation to its department head",
      body: `${f.title}, owned by ${f.owner} in ${f.department}, was due ${due} and is still not done.`,
    },
  };
  const t = text[kind];
  return {
    subject: t.subject,
    ...renderMail({
      lang: "en",
      heading: t.heading,
      blocks: [
        { paragraph: t.body },
        ...(f.note ? [{ paragraph: f.note }] : []),
        { button: { label: "Open the action", href: appLink(`/actions/${f.actionId}`) } },
      ],
    }),
  };
}
