import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, changeMessages, invitations, sessions } from "@/db/schema";
import type { Language } from "@/lib/domain/languages";
import { zDecideChangeMessages } from "@/lib/validation/change-messages";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, invalid } from "@/server/errors";
import { mintInvitationLink } from "@/server/invitations/links";
import { enqueueEmail } from "@/server/notify/outbox";
import { loadActionFor } from "../action-access";
import { changeMail } from "./change-mail";
import { changeRecipients } from "./recipients";

/**
 * Sends or holds a verified action's drafts. Sending re-checks every recipient at that moment (a
 * customer who withdrew since the draft gets nothing), queues one mail each in their language with
 * a fresh personal link (the withdraw page), and marks the row sent: a sent row is never sent
 * again. Returns how many were sent or held.
 */
export async function decideChangeMessages(actor: Actor, raw: unknown): Promise<{ count: number }> {
  assertCan(actor, "action.tell_customers");
  const input = zDecideChangeMessages.parse(raw);
  return db.transaction(async (tx) => {
    const item = await loadActionFor(tx, actor, input.actionId, "action.tell_customers");
    if (item.status !== "verified") throw conflict("Customers are told once the action is verified");
    const pending = await tx
      .select()
      .from(changeMessages)
      .where(and(eq(changeMessages.actionId, item.id), inArray(changeMessages.status, ["draft", "held"])));
    if (input.decision === "hold") {
      const held = pending.filter((m) => m.status === "draft");
      if (held.length)
        await tx
          .update(changeMessages)
          .set({ status: "held", decidedById: actor.userId })
          .where(
            inArray(
              changeMessages.id,
              held.map((m) => m.id),
            ),
          );
      await audit(tx, actor, "hold_change_messages", "action", item.id);
      return { count: held.length };
    }
    const summary: Partial<Record<Language, string>> = {
      ...(item.changeSummary ?? {}),
      ...(input.summaryEn ? { en: input.summaryEn } : {}),
      ...(input.summaryZh ? { zh: input.summaryZh } : {}),
      ...(input.summaryVi ? { vi: input.summaryVi } : {}),
    };
    const english = summary.en ?? item.resolutionNote ?? "";
    if (!english)
      throw invalid("Say what changed", { summaryEn: ["Write what changed, in English at least"] });
    const now = new Date();
    const allowed = new Map((await changeRecipients(tx, item.id)).map((r) => [r.customerId, r]));
    let sent = 0;
    for (const m of pending) {
      const r = allowed.get(m.customerId);
      if (!r || r.excluded || !r.invitationId) continue;
      const [inv] = await tx
        .select({
          id: invitations.id,
          tokenHash: invitations.tokenHash,
          startsAt: sessions.startsAt,
          durationMinutes: sessions.durationMinutes,
        })
        .from(invitations)
        .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
        .where(eq(invitations.id, r.invitationId));
      const customer = await tx.query.customers.findFirst({ where: (c, { eq }) => eq(c.id, m.customerId) });
      if (!inv || !customer?.email) continue;
      const token = await mintInvitationLink(tx, inv, inv);
      const mail = changeMail({
        locale: customer.language,
        change: summary[customer.language] ?? english,
        token,
      });
      await enqueueEmail(tx, {
        kind: "change_message",
        to: customer.email,
        customerId: customer.id,
        ...mail,
      });
      await tx
        .update(changeMessages)
        .set({ status: "sent", sentAt: now, decidedById: actor.userId, language: customer.language })
        .where(and(eq(changeMessages.id, m.id), inArray(changeMessages.status, ["draft", "held"])));
      sent++;
    }
    await tx
      .update(actions)
      .set({ changeSummary: { ...summary, en: english } })
      .where(eq(actions.id, item.id));
    await tx.insert(actionEvents).values({
      actionId: item.id,
      actorId: actor.userId,
      kind: "customers_told",
      toStatus: item.status,
      note: `${sent} customer${sent === 1 ? "" : "s"} told what changed`,
    });
    await audit(tx, actor, "send_change_messages", "action", item.id);
    return { count: sent };
  });
}
