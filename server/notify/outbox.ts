import "server-only";
import { z } from "zod";
import type { Tx } from "@/db";
import { companySettings, outbox } from "@/db/schema";
import { env } from "@/env";
import { applyBrand } from "@/server/mail/render";

/** Anything that can insert: the app's `db` or the `tx` of a drizzle transaction. */

const emailInput = z.object({
  kind: z.string().min(1).max(64),
  // Exactly one address: no spaces, commas or brackets that could add recipients or headers.
  to: z
    .string()
    .max(320)
    .regex(/^[^\s@<>,;"]+@[^\s@<>,;"]+$/, "one email address"),
  subject: z
    .string()
    .min(1)
    .max(998)
    // A line break in a subject would let a caller smuggle extra headers into the message.
    .refine((s) => !/[\r\n]/.test(s), "subject must be one line"),
  text: z.string(),
  html: z.string(),
  customerId: z.uuid().nullish(),
  attachments: z
    .array(
      z.strictObject({
        filename: z.string().regex(/^[\w.-]{1,100}$/, "a plain file name"),
        contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, "a bare media type"),
        content: z.string().max(1_000_000),
        method: z.enum(["REQUEST", "CANCEL", "PUBLISH"]).optional(),
      }),
    )
    .max(5)
    .default([]),
});

export type EmailInput = z.input<typeof emailInput>;

// The domain part of every Message-ID: the configured app's host, never a request header.
const messageIdHost = new URL(env.APP_URL).hostname || "immersion.local";

/** A new globally unique Message-ID, `<uuid@host-of-APP_URL>`. */
export function newMessageId(): string {
  return `<${crypto.randomUUID()}@${messageIdHost}>`;
}

/**
 * Queues an email inside the caller's transaction, so the mail exists exactly when the change
 * that caused it commits. The Message-ID is fixed here, so every retry carries the same one.
 */
export async function enqueueEmail(tx: Tx, input: EmailInput): Promise<{ id: string; messageId: string }> {
  const [brand] = await tx
    .select({ name: companySettings.name, logoUrl: companySettings.logoUrl })
    .from(companySettings)
    .limit(1);
  // The company's name and logo, as they are when the mail is queued (every retry sends the same).
  const mail = applyBrand(emailInput.parse(input), brand ?? { name: "Immersion", logoUrl: null }, (p) =>
    new URL(p, env.APP_URL).toString(),
  );
  const messageId = newMessageId();
  const [row] = await tx
    .insert(outbox)
    .values({
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      customerId: mail.customerId ?? null,
      attachments: mail.attachments,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  return { id: row.id, messageId };
}
