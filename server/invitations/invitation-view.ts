import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { consents, sessionStaff, users } from "@/db/schema";
import { sessionTextsIn } from "@/lib/domain/session-texts";
import type { Locale } from "@/lib/i18n/config";
import { CONSENT_TEXT_VERSION } from "@/lib/i18n/consent-texts";
import type { CustomerActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { consentWording } from "@/server/consent/consent-versions";
import { notFound } from "@/server/errors";
import type { resolveInvitationToken } from "./resolve-invitation";

type Resolved = NonNullable<Awaited<ReturnType<typeof resolveInvitationToken>>>;

/** What the customer's landing page shows: TEXAS facts about the session, their answers so far. */
export async function invitationView(actor: CustomerActor, row: Resolved, locale: Locale = "en") {
  if (!can(actor, "invitation.respond", { invitationId: row.invitation.id })) throw notFound();
  const staff = await db
    .select({ role: users.role, roomRole: sessionStaff.roomRole })
    .from(sessionStaff)
    .innerJoin(users, eq(users.id, sessionStaff.userId))
    .where(eq(sessionStaff.sessionId, row.session.id));
  const given = await db
    .select({ purpose: consents.purpose, granted: consents.granted })
    .from(consents)
    .where(eq(consents.invitationId, row.invitation.id))
    .orderBy(asc(consents.createdAt));
  const consentTexts = await consentWording(
    db,
    row.invitation.consentVersion ?? CONSENT_TEXT_VERSION,
    locale,
  );
  const latest = Object.fromEntries(given.map((c) => [c.purpose, c.granted]));
  const texts = sessionTextsIn(row.session, locale);
  return {
    // The form of their name they asked for; else the whole name (which part is the given name
    // depends on the culture: "Phạm Thị Mai" is Mai, not Phạm).
    greetingName: row.customer.preferredName || row.customer.name || "",
    customerTimeZone: row.customer.timeZone,
    session: {
      title: texts.title,
      description: texts.description,
      status: row.session.status,
      startsAt: row.session.startsAt,
      durationMinutes: row.session.durationMinutes,
      agenda: texts.agenda,
      hostOrganisation: row.session.hostOrganisation,
      incentive:
        row.session.incentiveAmountMinor !== null && row.session.incentiveCurrency
          ? {
              amountMinor: row.session.incentiveAmountMinor,
              currency: row.session.incentiveCurrency,
              paidBy: row.session.incentivePaidBy ?? "company",
            }
          : null,
      recordingEnabled: row.session.recordingEnabled,
      observersHidden: row.session.observersHidden,
    },
    staffCount: staff.length,
    staffRoles: [...new Set(staff.map((s) => s.role))].sort(),
    invitation: {
      status: row.invitation.status,
      accommodations: row.invitation.accommodations,
      accommodationOther: row.invitation.accommodationOther ?? "",
    },
    /** The consent sentences of the version this invitation was made with, in the page's language. */
    consentTexts,
    consents: {
      participate: latest.participate ?? false,
      quoteAnonymously: latest.quote_anonymously ?? false,
      record: latest.record ?? false,
      contactAfter: latest.contact_after ?? false,
    },
  };
}
