// Consent text versions written by an admin: a new version in en, zh-CN and vi is in force for
// invitations made from then on (their page shows it, their consents record it); an invitation
// sent before keeps showing and recording the old version; stored texts cannot be changed or
// deleted; a version with an empty text is refused; audited.
import "../support/test-env";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import { auditLog, consents, consentTexts, customers, invitations, outbox } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { LOCALES } from "@/lib/i18n/config";
import { CONSENT_PURPOSES_SHOWN, CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";
import {
  consentField,
  createConsentVersion,
  currentConsentVersion,
  listConsentVersions,
} from "@/server/consent/consent-versions";
import { invitationView } from "@/server/invitations/invitation-view";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

const wording = (tag: string) =>
  Object.fromEntries(
    CONSENT_PURPOSES_SHOWN.flatMap((p) => LOCALES.map((l) => [consentField(p, l), `${tag} ${p} ${l}`])),
  );
const accept = {
  decision: "accept" as const,
  participate: true,
  quoteAnonymously: true,
  record: false,
  contactAfter: false,
  accommodations: [],
  accommodationOther: "",
};

/** Invites one customer and returns what their personal link resolves to. */
async function invite(sessionId: string, customerId: string) {
  await inviteCustomers(staff.facilitator, { sessionId, customerIds: [customerId] });
  const [mail] = await db
    .select({ text: outbox.text })
    .from(outbox)
    .where(and(eq(outbox.kind, "invitation"), eq(outbox.customerId, customerId)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const token = /\/i\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  const row = (await resolveInvitationToken(token))!;
  expect(row.invitation.sessionId).toBe(sessionId);
  return row;
}

describe("consent text versions", () => {
  it("a new version applies to new invitations; earlier ones keep theirs", async () => {
    const { id: sessionId } = await createSession(staff.facilitator, {
      title: "Consent versions",
      description: "",
      format: "panel",
      startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 7 * 86400_000), "UTC"),
      timeZone: "UTC",
      durationMinutes: 45,
      seats: 10,
      observersHidden: true,
    });
    const people = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(isNull(customers.erasedAt), inArray(customers.contactPreference, ["email"])))
      .limit(2);
    const before = await invite(sessionId, people[0]!.id);
    expect(before.invitation.consentVersion).toBe(await currentConsentVersion());

    const { version } = await createConsentVersion(staff.admin, wording("V2"));
    expect(await currentConsentVersion()).toBe(version);
    const listed = await listConsentVersions(staff.admin);
    expect(listed[0]).toMatchObject({ version, current: true });
    expect(listed[0]!.texts.vi.participate).toBe("V2 participate vi");
    expect(listed.find((v) => v.version === CONSENT_TEXT_VERSION)?.current).toBe(false);

    const after = await invite(sessionId, people[1]!.id);
    expect(after.invitation.consentVersion).toBe(version);

    // Each page shows its own invitation's version, in the page's language.
    const oldPage = await invitationView(customerActorOf(before), before, "zh");
    expect(oldPage.consentTexts.participate).toBe(consentText("zh", "participate"));
    const newPage = await invitationView(customerActorOf(after), after, "vi");
    expect(newPage.consentTexts).toMatchObject({
      participate: "V2 participate vi",
      contact_after: "V2 contact_after vi",
    });

    // And each consent records the version its text came from.
    await respondToInvitation(customerActorOf(before), accept, "zh");
    await respondToInvitation(customerActorOf(after), accept, "vi");
    const given = await db
      .select({
        invitationId: consents.invitationId,
        version: consents.textVersion,
        language: consents.language,
      })
      .from(consents)
      .where(inArray(consents.invitationId, [before.invitation.id, after.invitation.id]));
    expect(
      new Set(given.filter((g) => g.invitationId === before.invitation.id).map((g) => g.version)),
    ).toEqual(new Set([CONSENT_TEXT_VERSION]));
    expect(
      new Set(given.filter((g) => g.invitationId === after.invitation.id).map((g) => g.version)),
    ).toEqual(new Set([version]));
    const audited = await db.select().from(auditLog).where(eq(auditLog.resourceId, version));
    expect(audited.map((a) => a.action)).toEqual(["consent_version.create"]);
  });

  it("stored texts of a version cannot be changed or deleted", async () => {
    const { version } = await createConsentVersion(staff.admin, wording("V3"));
    const stored = await db.select().from(consentTexts).where(eq(consentTexts.version, version));
    expect(stored).toHaveLength(CONSENT_PURPOSES_SHOWN.length * LOCALES.length);
    await expect(
      db.update(consentTexts).set({ text: "rewritten" }).where(eq(consentTexts.version, version)),
    ).rejects.toThrow();
    await expect(db.delete(consentTexts).where(eq(consentTexts.version, version))).rejects.toThrow();
    expect(await db.select().from(consentTexts).where(eq(consentTexts.version, version))).toEqual(stored);
  });

  it("refuses an empty text in any language, and non-admins", async () => {
    const current = await currentConsentVersion();
    await expect(
      createConsentVersion(staff.admin, { ...wording("V4"), [consentField("participate", "zh")]: "  " }),
    ).rejects.toBeInstanceOf(ZodError);
    for (const who of [staff.facilitator, staff.executive, staff.agent])
      await expect(createConsentVersion(who, wording("V5"))).rejects.toMatchObject({ code: "forbidden" });
    expect(await currentConsentVersion()).toBe(current);
    expect(await db.$count(invitations)).toBeGreaterThan(0);
  });
});
