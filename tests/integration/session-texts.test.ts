// A session's customer-facing texts in the customer's language: the facilitator gives the title,
// description and agenda in Vietnamese (and nothing in Chinese); a Vietnamese reader sees the
// Vietnamese texts, with the English agenda where none was given; a Chinese reader sees English,
// never an empty gap; the invitation email's subject carries the title in the customer's language.
import "../support/test-env";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invitations, outbox, sessions } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { createCustomer } from "@/server/customers/save-customer";
import { invitationView } from "@/server/invitations/invitation-view";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf } from "@/server/invitations/resolve-invitation";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

describe("session texts in the customer's language", () => {
  it("shows each text in the customer's language, else English", async () => {
    const { id: sessionId } = await createSession(staff.facilitator, {
      title: "Your first bill",
      description: "How the first bill reads.",
      agenda: "Welcome\nYour stories",
      title_vi: "Hóa đơn đầu tiên của bạn",
      description_vi: "Hóa đơn đầu tiên đọc thế nào.",
      title_zh: "  ",
      format: "panel",
      startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 7 * 86400_000), "UTC"),
      timeZone: "UTC",
      durationMinutes: 45,
      seats: 10,
      observersHidden: true,
    });
    const stored = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    expect(stored?.translations).toEqual({
      vi: { title: "Hóa đơn đầu tiên của bạn", description: "Hóa đơn đầu tiên đọc thế nào." },
    });
    const vi = await createCustomer(staff.facilitator, {
      name: "Đặng Thu Trang",
      email: "dang.thu.trang.texts@example.com",
      language: "vi",
      timeZone: "UTC",
    });
    await inviteCustomers(staff.facilitator, { sessionId, customerIds: [vi.id] });
    const invitation = (await db.query.invitations.findFirst({
      where: and(eq(invitations.sessionId, sessionId), eq(invitations.customerId, vi.id)),
    }))!;
    const customer = (await db.query.customers.findFirst({ where: (c, { eq }) => eq(c.id, vi.id) }))!;
    const row = { invitation, session: stored!, customer };
    const inVi = await invitationView(customerActorOf(row), row, "vi");
    expect([inVi.session.title, inVi.session.description, inVi.session.agenda]).toEqual([
      "Hóa đơn đầu tiên của bạn",
      "Hóa đơn đầu tiên đọc thế nào.",
      "Welcome\nYour stories",
    ]);
    const inZh = await invitationView(customerActorOf(row), row, "zh");
    expect(inZh.session.title).toBe("Your first bill");
    const [mail] = await db
      .select({ subject: outbox.subject })
      .from(outbox)
      .where(and(eq(outbox.customerId, vi.id), eq(outbox.kind, "invitation")));
    expect(mail?.subject).toContain("Hóa đơn đầu tiên của bạn");
  });
});
