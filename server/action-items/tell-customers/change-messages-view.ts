import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Action, changeMessages } from "@/db/schema";
import type { ChangeMessageStatus } from "@/lib/domain/action-statuses";
import type { Language } from "@/lib/domain/languages";
import { changeMail } from "./change-mail";
import { changeRecipients } from "./recipients";

export type ChangeMessagesView = {
  recipients: {
    customerId: string;
    name: string;
    language: Language;
    status: ChangeMessageStatus | "not_drafted";
    excluded: string | null;
  }[];
  /** The text each language's recipients will read, as it stands. */
  drafts: { language: Language; subject: string; text: string; change: string }[];
};

const EXCLUDED: Record<string, string> = {
  withdrawn: "withdrew: never contacted",
  erased: "erased: never contacted",
  no_email: "no email address or does not want email",
  no_contact_consent: "did not agree to be contacted afterwards",
};

/** For the facilitator: who will receive the message, who will not and why, and the drafts. */
export async function changeMessagesView(
  tx: Tx,
  action: Pick<Action, "id" | "resolutionNote" | "changeSummary">,
): Promise<ChangeMessagesView> {
  const [recipients, rows] = await Promise.all([
    changeRecipients(tx, action.id),
    tx.select().from(changeMessages).where(eq(changeMessages.actionId, action.id)),
  ]);
  const status = new Map(rows.map((r) => [r.customerId, r.status]));
  const english = action.changeSummary?.en ?? action.resolutionNote ?? "";
  const languages = [...new Set(recipients.filter((r) => !r.excluded).map((r) => r.language))].sort();
  return {
    recipients: recipients.map((r) => ({
      customerId: r.customerId,
      name: r.name ?? "(erased customer)",
      language: r.language,
      status: status.get(r.customerId) ?? "not_drafted",
      excluded: r.excluded ? (EXCLUDED[r.excluded] ?? r.excluded) : null,
    })),
    drafts: languages.map((language) => {
      const change = action.changeSummary?.[language] ?? english;
      const mail = changeMail({ locale: language, change, token: null });
      return { language, subject: mail.subject, text: mail.text, change };
    }),
  };
}
