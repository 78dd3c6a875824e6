import "server-only";
import { db } from "@/db";
import type { Language } from "@/lib/domain/languages";
import { type SendOutreachInput, zSendOutreach } from "@/lib/validation/outreach";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";
import { renderMail } from "@/server/mail/render";
import { emailTranslator } from "@/server/mail/translator";
import { enqueueEmail } from "@/server/notify/outbox";
import { outreachRecipients } from "./outreach-recipients";

/**
 * Sends the outreach a person reviewed and edited: each recipient gets their language's message,
 * queued in one transaction (the outbox sends it), and the sending is audited. A language with
 * recipients but no message is refused, so nobody is left out by accident.
 */
export async function sendOutreach(actor: Actor, raw: SendOutreachInput, now = new Date()) {
  assertCan(actor, "dashboard.outreach");
  const input = zSendOutreach.parse(raw);
  return db.transaction(async (tx) => {
    const recipients = await outreachRecipients(tx, input.reasonCodeId, now);
    const message = (l: Language) => ({ subject: input[`subject_${l}`], body: input[`body_${l}`] });
    for (const l of new Set(recipients.map((r) => r.language))) {
      const m = message(l);
      if (!m.subject || !m.body)
        throw invalid("Write the message for every language that has recipients", {
          [`body_${l}`]: ["Write the message for this language"],
        });
    }
    for (const r of recipients) {
      const m = message(r.language);
      const t = emailTranslator(r.language);
      const mail = renderMail({
        lang: r.language,
        heading: m.subject ?? "",
        blocks: [
          ...(m.body ?? "").split(/\n{2,}/).map((p) => ({ paragraph: p })),
          { small: t("outreachFooter") },
        ],
      });
      await enqueueEmail(tx, {
        kind: "outreach",
        to: r.email,
        customerId: r.customerId,
        subject: m.subject ?? "",
        ...mail,
      });
    }
    await audit(tx, actor, "send_outreach", "reason_code", input.reasonCodeId);
    return { sent: recipients.length };
  });
}
