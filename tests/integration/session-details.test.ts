import "../support/test-env";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import {
  consents,
  consentTexts,
  customers,
  insightEvidence,
  invitations,
  outbox,
  roomNotes,
  sessionStaff,
  sessions,
  surveyResponses,
  surveys,
  users,
} from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";
import type { InvitationResponseInput } from "@/lib/validation/invitations";
import type { CreateSessionInput } from "@/lib/validation/sessions";
import { DomainError } from "@/server/errors";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { reissueInvitationLink, revokeInvitationLink } from "@/server/invitations/reissue-link";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { setPayoutStatus } from "@/server/invitations/set-payout";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { correctAttendance } from "@/server/sessions/correct-attendance";
import { createSession } from "@/server/sessions/create-session";
import { getBriefing } from "@/server/sessions/get-briefing";
import { removeSessionStaff, setSessionStaff } from "@/server/sessions/session-staff";
import { endSession, scheduleDraft } from "@/server/sessions/set-session-status";
import { updateSession } from "@/server/sessions/update-session";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { resolveSurveyToken } from "@/server/surveys/resolve-survey";
import { withdrawRespondent } from "@/server/surveys/withdraw-respondent";
import { seededDb } from "../support/seeded-db";
import { checkpointedFileBytes } from "../support/test-database";
import { TEST_DATABASE_URL } from "../support/test-env";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

const base = (): CreateSessionInput => ({
  title: "Moving house with us",
  format: "story_circle",
  startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 10 * 86400_000), "Asia/Ho_Chi_Minh"),
  timeZone: "Asia/Ho_Chi_Minh",
});

/** The editable fields only (the time is not part of an edit). */
const fields = () => {
  const { startsAtLocal: _s, timeZone: _z, ...rest } = base();
  return rest;
};

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    if (e instanceof ZodError) return `zod:${e.issues.map((i) => i.path.join(".")).join(",")}`;
    throw e;
  }
};

/** A "yes, I will join" with consent to take part, and whatever else the test needs. */
const accept = (more: Partial<InvitationResponseInput> = {}): InvitationResponseInput => ({
  decision: "accept",
  participate: true,
  quoteAnonymously: false,
  record: false,
  contactAfter: false,
  accommodations: [],
  accommodationOther: "",
  ...more,
});

/** Invites one fresh customer and returns their customer actor (via the emailed link). */
async function invitedGuest(sessionId: string) {
  const [person] = await db
    .insert(customers)
    .values({ name: "Bảo Trần", email: `guest-${crypto.randomUUID()}@example.com`, language: "vi" })
    .returning();
  if (!person) throw new Error("no customer");
  await inviteCustomers(staff.facilitator, { sessionId, customerIds: [person.id] });
  const mail = await db.query.outbox.findFirst({ where: eq(outbox.customerId, person.id) });
  const token = /\/i\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
  const row = await resolveInvitationToken(token);
  if (!row) throw new Error("link does not resolve");
  return customerActorOf(row);
}

beforeAll(async () => {
  staff = await seededDb();
});

describe("session details", () => {
  it("keeps a draft unannounced until it is scheduled", async () => {
    const { id } = await createSession(staff.facilitator, { ...base(), saveAs: "draft" });
    const [person] = await db.select({ id: customers.id }).from(customers).limit(1);
    expect(
      await codeOf(inviteCustomers(staff.facilitator, { sessionId: id, customerIds: [person?.id ?? ""] })),
    ).toBe("conflict");
    await scheduleDraft(staff.facilitator, { sessionId: id });
    const s = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
    expect(s?.status).toBe("scheduled");
    expect(await codeOf(scheduleDraft(staff.facilitator, { sessionId: id }))).toBe("conflict");
  });

  it("requires tables and a round length that fit for speed dating, and clears them otherwise", async () => {
    expect(await codeOf(createSession(staff.facilitator, { ...base(), format: "speed_dating" }))).toBe(
      "zod:tableCount,roundMinutes",
    );
    expect(
      await codeOf(
        createSession(staff.facilitator, {
          ...base(),
          format: "speed_dating",
          tableCount: 5,
          roundMinutes: 15,
        }),
      ),
    ).toBe("zod:roundMinutes"); // 5 × 15 > 45
    const { id } = await createSession(staff.facilitator, {
      ...base(),
      format: "speed_dating",
      tableCount: 3,
      roundMinutes: 12,
    });
    let s = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
    expect([s?.tableCount, s?.roundMinutes]).toEqual([3, 12]);
    await updateSession(staff.facilitator, {
      sessionId: id,
      title: "Moving house",
      format: "panel",
      tableCount: 3,
    });
    s = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
    expect([s?.format, s?.tableCount, s?.roundMinutes, s?.title]).toEqual([
      "panel",
      null,
      null,
      "Moving house",
    ]);
  });

  it("stores an incentive in the currency's minor unit, with who pays", async () => {
    const { id } = await createSession(staff.facilitator, {
      ...base(),
      hostOrganisation: "Listening Partners Ltd",
      incentiveAmount: "500000",
      incentiveCurrency: "vnd",
      incentivePaidBy: "host",
    });
    const s = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
    expect([s?.incentiveAmountMinor, s?.incentiveCurrency, s?.incentivePaidBy]).toEqual([
      500000,
      "VND",
      "host",
    ]);
    expect(
      await codeOf(
        createSession(staff.facilitator, {
          ...base(),
          incentiveAmount: "25",
          incentiveCurrency: "XYZ",
          incentivePaidBy: "host",
        }),
      ),
    ).toBe("zod:incentiveCurrency,hostOrganisation");
  });

  it("never lets seats drop below the guests already booked", async () => {
    const { id } = await createSession(staff.facilitator, { ...base(), seats: 3 });
    for (let i = 0; i < 2; i++) {
      const guest = await invitedGuest(id);
      await respondToInvitation(guest, accept(), "vi");
    }
    expect(await codeOf(updateSession(staff.facilitator, { sessionId: id, ...fields(), seats: 1 }))).toBe(
      "invalid",
    );
    expect(await codeOf(updateSession(staff.facilitator, { sessionId: id, ...fields(), seats: 2 }))).toBe(
      "ok",
    );
  });

  it("lets only the session's facilitator (or an admin) edit it and its staff", async () => {
    const { id } = await createSession(staff.facilitator, base());
    for (const who of [staff.agent, staff.executive, staff.owner]) {
      expect(await codeOf(updateSession(who, { sessionId: id, ...fields() }))).toBe("not_found");
      expect(
        await codeOf(
          setSessionStaff(who, { sessionId: id, userId: staff.agent.userId, roomRole: "speaker" }),
        ),
      ).toBe("not_found");
    }
    expect(
      await codeOf(updateSession(staff.admin, { sessionId: id, ...fields(), title: "Edited by admin" })),
    ).toBe("ok");
  });

  it("adds staff with a room role, changes it, removes them, and never touches the facilitator", async () => {
    const { id } = await createSession(staff.facilitator, base());
    await setSessionStaff(staff.facilitator, {
      sessionId: id,
      userId: staff.agent.userId,
      roomRole: "observer",
    });
    await setSessionStaff(staff.facilitator, {
      sessionId: id,
      userId: staff.agent.userId,
      roomRole: "speaker",
    });
    const rows = await db.select().from(sessionStaff).where(eq(sessionStaff.sessionId, id));
    expect(rows.find((r) => r.userId === staff.agent.userId)?.roomRole).toBe("speaker");
    expect(rows).toHaveLength(2);
    expect(
      await codeOf(
        setSessionStaff(staff.facilitator, {
          sessionId: id,
          userId: staff.facilitator.userId,
          roomRole: "observer",
        }),
      ),
    ).toBe("conflict");
    expect(
      await codeOf(
        removeSessionStaff(staff.facilitator, { sessionId: id, userId: staff.facilitator.userId }),
      ),
    ).toBe("conflict");
    expect(
      await codeOf(
        setSessionStaff(staff.facilitator, {
          sessionId: id,
          userId: staff.agent.userId,
          roomRole: "facilitator",
        }),
      ),
    ).toMatch(/^zod:/);
    await removeSessionStaff(staff.facilitator, { sessionId: id, userId: staff.agent.userId });
    expect(await db.select().from(sessionStaff).where(eq(sessionStaff.sessionId, id))).toHaveLength(1);
  });

  it("tracks each guest's incentive payout, only when the session offers one", async () => {
    const plain = await createSession(staff.facilitator, base());
    const plainGuest = await invitedGuest(plain.id);
    expect(
      await codeOf(
        setPayoutStatus(staff.facilitator, {
          sessionId: plain.id,
          invitationId: plainGuest.invitationId,
          payoutStatus: "paid",
        }),
      ),
    ).toBe("conflict");
    const paid = await createSession(staff.facilitator, {
      ...base(),
      incentiveAmount: "25",
      incentiveCurrency: "GBP",
      incentivePaidBy: "company",
    });
    const guest = await invitedGuest(paid.id);
    await setPayoutStatus(staff.facilitator, {
      sessionId: paid.id,
      invitationId: guest.invitationId,
      payoutStatus: "paid",
    });
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, guest.invitationId) });
    expect(inv?.payoutStatus).toBe("paid");
    // An invitation of another session cannot be reached through this one.
    expect(
      await codeOf(
        setPayoutStatus(staff.facilitator, {
          sessionId: paid.id,
          invitationId: plainGuest.invitationId,
          payoutStatus: "due",
        }),
      ),
    ).toBe("not_found");
  });
});

describe("facilitator briefing", () => {
  it("lists each booked guest's accommodations and consents, for facilitators and admins only", async () => {
    const { id } = await createSession(staff.facilitator, { ...base(), recordingEnabled: true });
    const guest = await invitedGuest(id);
    await respondToInvitation(
      guest,
      accept({
        quoteAnonymously: true,
        contactAfter: true,
        accommodations: ["captions", "breaks"],
        accommodationOther: "Tôi cần nghỉ giữa chừng",
      }),
      "vi",
    );
    const b = await getBriefing(staff.facilitator, id);
    expect(b.guests).toHaveLength(1);
    expect(b.guests[0]?.accommodations).toEqual(["captions", "breaks"]);
    expect(b.guests[0]?.accommodationOther).toBe("Tôi cần nghỉ giữa chừng");
    expect(b.guests[0]?.consents).toEqual({
      participate: true,
      quote_anonymously: true,
      contact_after: true,
      record: false,
    });
    expect(await codeOf(getBriefing(staff.admin, id))).toBe("ok");
    for (const who of [staff.agent, staff.executive, staff.owner]) {
      // Even attending staff in other roles never reach accommodations.
      await setSessionStaff(staff.facilitator, { sessionId: id, userId: who.userId, roomRole: "observer" });
      expect(await codeOf(getBriefing(who, id))).toBe("not_found");
    }
  });
});

describe("consent texts", () => {
  it("stores the exact wording shown, per version, language and purpose, and refuses to rewrite it", async () => {
    const { id } = await createSession(staff.facilitator, base());
    const guest = await invitedGuest(id);
    await respondToInvitation(guest, accept(), "zh");
    const given = await db.select().from(consents).where(eq(consents.invitationId, guest.invitationId));
    expect(given.map((c) => [c.purpose, c.textVersion, c.language]).sort()).toEqual(
      [
        ["contact_after", CONSENT_TEXT_VERSION, "zh"],
        ["participate", CONSENT_TEXT_VERSION, "zh"],
        ["quote_anonymously", CONSENT_TEXT_VERSION, "zh"],
      ].sort(),
    );
    const stored = await db.query.consentTexts.findFirst({
      where: and(
        eq(consentTexts.version, CONSENT_TEXT_VERSION),
        eq(consentTexts.language, "zh"),
        eq(consentTexts.purpose, "participate"),
      ),
    });
    expect(stored?.text).toBe(consentText("zh", "participate"));
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/immutable/) }) };
    await expect(db.update(consentTexts).set({ text: "changed" })).rejects.toMatchObject(refused);
    await expect(db.delete(consentTexts)).rejects.toMatchObject(refused);
  });
});

describe("personal links", () => {
  it("re-issue invalidates the old link at once and mails a new one; revoke stops it", async () => {
    const { id } = await createSession(staff.facilitator, base());
    const guest = await invitedGuest(id);
    const before = await db.query.invitations.findFirst({ where: eq(invitations.id, guest.invitationId) });
    const oldMail = await db.query.outbox.findFirst({ where: eq(outbox.customerId, guest.customerId) });
    const oldToken = /\/i\/([A-Za-z0-9_-]+)/.exec(oldMail?.text ?? "")?.[1] ?? "";
    expect(await resolveInvitationToken(oldToken)).not.toBeNull();
    expect(
      await codeOf(reissueInvitationLink(staff.agent, { sessionId: id, invitationId: guest.invitationId })),
    ).toBe("not_found");
    await reissueInvitationLink(staff.facilitator, { sessionId: id, invitationId: guest.invitationId });
    expect(await resolveInvitationToken(oldToken)).toBeNull();
    const mails = await db.select().from(outbox).where(eq(outbox.customerId, guest.customerId));
    expect(mails).toHaveLength(2);
    const newToken = mails
      .map((m) => /\/i\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? "")
      .find((t) => t !== oldToken);
    expect((await resolveInvitationToken(newToken ?? ""))?.invitation.id).toBe(guest.invitationId);
    const after = await db.query.invitations.findFirst({ where: eq(invitations.id, guest.invitationId) });
    expect(after?.tokenHash).not.toBe(before?.tokenHash);
    await revokeInvitationLink(staff.facilitator, { sessionId: id, invitationId: guest.invitationId });
    expect(await resolveInvitationToken(newToken ?? "")).toBeNull();
  });
});

describe("withdrawal from the survey email", () => {
  it("erases the customer behind a survey link, like the invitation page does", async () => {
    const { id } = await createSession(staff.facilitator, base());
    const guest = await invitedGuest(id);
    await respondToInvitation(guest, accept({ accommodations: ["audio_only"] }), "vi");
    await endSession(staff.facilitator, { sessionId: id });
    // Surveys go to attendees only: the facilitator records that the guest came.
    await correctAttendance(staff.facilitator, {
      sessionId: id,
      invitationId: guest.invitationId,
      status: "attended",
    });
    await dispatchSurveys(id);
    const mail = (await db.select().from(outbox).where(eq(outbox.customerId, guest.customerId))).find((m) =>
      m.text.includes("/s/"),
    );
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
    const survey = await resolveSurveyToken(token);
    if (!survey) throw new Error("survey link does not resolve");
    await withdrawRespondent(survey.actor);
    const c = await db.query.customers.findFirst({ where: eq(customers.id, guest.customerId) });
    expect(c).toMatchObject({ name: null, email: null });
    expect(c?.erasedAt).toBeInstanceOf(Date);
    expect(await resolveSurveyToken(token)).toBeNull();
    expect(await db.select().from(outbox).where(eq(outbox.customerId, guest.customerId))).toHaveLength(0);
    // A survey link is only ever its own way in.
    expect(await codeOf(withdrawRespondent({ ...survey.actor, surveyId: crypto.randomUUID() }))).toBe(
      "not_found",
    );
  });
});

describe("withdrawal erases what staff recorded of the customer's words", () => {
  it("blanks room notes about them and insight evidence quoting their survey comment", async () => {
    const [evidence] = await db
      .select({ evidenceId: insightEvidence.id, quote: insightEvidence.quote, invitation: invitations })
      .from(insightEvidence)
      .innerJoin(surveyResponses, eq(surveyResponses.id, insightEvidence.responseId))
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .innerJoin(invitations, eq(invitations.id, surveys.invitationId))
      .limit(1);
    if (!evidence) throw new Error("the seed has no evidence from a survey comment");
    const { invitation } = evidence;
    const secret = `Tôi đã gọi ba lần ${crypto.randomUUID()}`;
    const [note] = await db
      .insert(roomNotes)
      .values({
        sessionId: invitation.sessionId,
        authorId: staff.facilitator.userId,
        kind: "quote",
        text: secret,
        atSeconds: 61,
        customerId: invitation.customerId,
      })
      .returning();
    await withdrawCustomer({
      kind: "customer",
      invitationId: invitation.id,
      customerId: invitation.customerId,
      sessionId: invitation.sessionId,
    });
    const after = await db.query.roomNotes.findFirst({ where: eq(roomNotes.id, note?.id ?? "") });
    expect(after).toMatchObject({ text: "[withdrawn by the customer]", customerId: null });
    const ev = await db.query.insightEvidence.findFirst({
      where: eq(insightEvidence.id, evidence.evidenceId),
    });
    expect(ev).toMatchObject({ quote: "[withdrawn by the customer]", responseId: null });
    const file = await checkpointedFileBytes(TEST_DATABASE_URL);
    if (file) {
      expect(file.includes(Buffer.from(secret))).toBe(false);
      expect(file.includes(Buffer.from(evidence.quote))).toBe(false);
    }
  });
});

describe("staff who can be added", () => {
  it("are active users", async () => {
    const inactive = await db.select().from(users).where(eq(users.active, false));
    const { id } = await createSession(staff.facilitator, base());
    for (const u of inactive) {
      expect(
        await codeOf(
          setSessionStaff(staff.facilitator, { sessionId: id, userId: u.id, roomRole: "observer" }),
        ),
      ).toBe("invalid");
    }
  });
});
