import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { consents, invitations, outbox, sessions, surveyResponses, surveys } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, notFound } from "@/server/errors";
import { toCustomerDto } from "./customer-dto";
import { customerWithId } from "./customer-where";
import { facilitatorsOfCustomer } from "./get-customer";

/**
 * Everything held about one customer (a subject access request): the record, every invitation
 * with the session it was for, every consent decision, survey answers and the emails sent. Each
 * query is keyed by this customer's id, so nobody else's rows can appear. Link token hashes and
 * email bodies (which carry personal links) are left out: they are keys, not data about the person.
 */
export async function exportCustomer(actor: Actor, customerId: string) {
  if (!can(actor, "customer.export")) throw forbidden();
  const id = z.uuid().safeParse(customerId);
  if (!id.success) throw notFound();
  const seesNeeds = can(actor, "customer.accessibility.read");
  return db.transaction(async (tx) => {
    const customer = await tx.query.customers.findFirst({
      where: customerWithId(id.data),
    });
    if (!customer) throw notFound();
    // An export is personal data in full: only for those who may see the customer's details.
    if (
      !can(actor, "customer.contact.read", {
        customerFacilitatorIds: await facilitatorsOfCustomer(customer.id),
      })
    )
      throw notFound();
    const invs = await tx
      .select({
        id: invitations.id,
        status: invitations.status,
        respondedAt: invitations.respondedAt,
        createdAt: invitations.createdAt,
        accommodations: invitations.accommodations,
        accommodationOther: invitations.accommodationOther,
        session: {
          id: sessions.id,
          title: sessions.title,
          format: sessions.format,
          status: sessions.status,
          startsAt: sessions.startsAt,
          timeZone: sessions.timeZone,
          durationMinutes: sessions.durationMinutes,
        },
      })
      .from(invitations)
      .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
      .where(eq(invitations.customerId, customer.id))
      .orderBy(asc(invitations.createdAt));
    const invIds = invs.map((i) => i.id);
    const consentRows = invIds.length
      ? await tx
          .select({
            invitationId: consents.invitationId,
            purpose: consents.purpose,
            granted: consents.granted,
            textVersion: consents.textVersion,
            language: consents.language,
            createdAt: consents.createdAt,
          })
          .from(consents)
          .where(inArray(consents.invitationId, invIds))
          .orderBy(asc(consents.createdAt))
      : [];
    const answers = invIds.length
      ? await tx
          .select({
            invitationId: surveys.invitationId,
            sentAt: surveys.sentAt,
            csat: surveyResponses.csat,
            nps: surveyResponses.nps,
            comment: surveyResponses.comment,
            language: surveyResponses.language,
            answeredAt: surveyResponses.createdAt,
          })
          .from(surveys)
          .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
          .where(inArray(surveys.invitationId, invIds))
      : [];
    const emails = await tx
      .select({
        kind: outbox.kind,
        to: outbox.toAddress,
        subject: outbox.subject,
        status: outbox.status,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .where(eq(outbox.customerId, customer.id))
      .orderBy(asc(outbox.createdAt));
    await audit(tx, actor, "export", "customer", customer.id);
    return {
      format: "immersion.customer-export/1",
      exportedAt: new Date(),
      customer: toCustomerDto(customer, seesNeeds),
      invitations: invs.map(({ accommodations, accommodationOther, ...inv }) => ({
        ...inv,
        ...(seesNeeds ? { accommodations, accommodationOther } : {}),
        consents: consentRows.filter((c) => c.invitationId === inv.id).map(({ invitationId, ...c }) => c),
        survey:
          answers.filter((a) => a.invitationId === inv.id).map(({ invitationId, ...a }) => a)[0] ?? null,
      })),
      emails,
    };
  });
}

export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;
