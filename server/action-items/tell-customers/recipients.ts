import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { actions, consents, customers, insightEvidence, invitations } from "@/db/schema";
import type { Language } from "@/lib/domain/languages";

export type Recipient = {
  customerId: string;
  name: string | null;
  language: Language;
  /** The invitation whose "contact me afterwards" consent allows the message. */
  invitationId: string | null;
  /** Why nobody may write to them; null when they may be told. */
  excluded: null | "withdrawn" | "erased" | "no_email" | "no_contact_consent";
};

/**
 * The customers whose words are evidence of the action's insight, each once, and whether they may
 * be told what changed: not erased or withdrawn, an email address and an email preference, and
 * "contact me afterwards" granted (their latest decision) on an invitation they have not withdrawn.
 */
export async function changeRecipients(tx: Tx, actionId: string): Promise<Recipient[]> {
  const [action] = await tx
    .select({ insightId: actions.insightId })
    .from(actions)
    .where(eq(actions.id, actionId));
  if (!action) return [];
  const evidence = await tx
    .selectDistinct({ customerId: insightEvidence.customerId })
    .from(insightEvidence)
    .where(and(eq(insightEvidence.insightId, action.insightId), isNotNull(insightEvidence.customerId)));
  const ids = evidence.map((e) => e.customerId).filter((id): id is string => id !== null);
  if (!ids.length) return [];
  const people = await tx.select().from(customers).where(inArray(customers.id, ids));
  const invs = await tx
    .select({ id: invitations.id, customerId: invitations.customerId, status: invitations.status })
    .from(invitations)
    .where(inArray(invitations.customerId, ids));
  const decisions = invs.length
    ? await tx
        .select({ invitationId: consents.invitationId, granted: consents.granted })
        .from(consents)
        .where(
          and(
            inArray(
              consents.invitationId,
              invs.filter((i) => i.status !== "withdrawn").map((i) => i.id),
            ),
            eq(consents.purpose, "contact_after"),
          ),
        )
        .orderBy(desc(consents.createdAt))
    : [];
  // The latest decision per invitation wins (rows come newest first).
  const latest = new Map<string, boolean>();
  for (const d of decisions) if (!latest.has(d.invitationId)) latest.set(d.invitationId, d.granted);
  return people
    .map((c): Recipient => {
      const mine = invs.filter((i) => i.customerId === c.id);
      const consenting = mine.find((i) => i.status !== "withdrawn" && latest.get(i.id) === true);
      const excluded: Recipient["excluded"] = c.erasedAt
        ? mine.some((i) => i.status === "withdrawn")
          ? "withdrawn"
          : "erased"
        : !c.email || c.contactPreference !== "email"
          ? "no_email"
          : !consenting
            ? mine.length && mine.every((i) => i.status === "withdrawn")
              ? "withdrawn"
              : "no_contact_consent"
            : null;
      return {
        customerId: c.id,
        name: c.name,
        language: c.language,
        invitationId: consenting?.id ?? null,
        excluded,
      };
    })
    .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""));
}

export const eligible = (rs: Recipient[]) => rs.filter((r) => r.excluded === null);
