import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodes } from "@/db/schema";
import { LANGUAGES, type Language } from "@/lib/domain/languages";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { emailTranslator } from "@/server/mail/translator";
import { outreachRecipients } from "./outreach-recipients";

export type OutreachDraft = {
  code: { id: string; number: number; label: string };
  /** Only languages someone will receive; counts, never names. */
  languages: { language: Language; recipients: number; subject: string; body: string }[];
};

/**
 * The drafted outreach for an emerging issue: one message per language of the customers likely
 * affected, for a person to read, edit and send. Nothing is sent here.
 */
export async function outreachDraft(
  actor: Actor,
  reasonCodeId: string,
  now = new Date(),
): Promise<OutreachDraft> {
  assertCan(actor, "dashboard.outreach");
  const [code] = await db
    .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
    .from(reasonCodes)
    .where(eq(reasonCodes.id, reasonCodeId));
  if (!code) throw notFound();
  const recipients = await outreachRecipients(db, code.id, now);
  const languages = LANGUAGES.map((language) => {
    const t = emailTranslator(language);
    // The codebook is worded in English; in English the message names it, elsewhere the person
    // sending adds the specifics in the customer's language.
    return {
      language,
      recipients: recipients.filter((r) => r.language === language).length,
      subject: t("outreachSubject"),
      body: t("outreachBody", { topic: code.label.toLowerCase() }),
    };
  }).filter((l) => l.recipients > 0);
  return { code, languages };
}
