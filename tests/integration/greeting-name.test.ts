// Customers are greeted by the form of their name they prefer: the invitation page uses the
// preferred name staff recorded ("Mai" for Trần Thị Mai), otherwise the whole name — never the
// first word, which for a Vietnamese or Chinese name is the family name. Erasure clears it.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { eraseCustomerByStaff } from "@/server/customers/erase-customer-by-staff";
import { createCustomer, updateCustomer } from "@/server/customers/save-customer";
import { invitationView } from "@/server/invitations/invitation-view";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf } from "@/server/invitations/resolve-invitation";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

async function viewOf(customerId: string) {
  const { id: sessionId } = await createSession(staff.facilitator, {
    title: `Greeting ${customerId.slice(0, 6)}`,
    description: "",
    format: "panel",
    startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 7 * 86400_000), "UTC"),
    timeZone: "UTC",
    durationMinutes: 45,
    seats: 10,
    observersHidden: true,
  });
  await inviteCustomers(staff.facilitator, { sessionId, customerIds: [customerId] });
  const invitation = (await db.query.invitations.findFirst({
    where: (i, { and, eq }) => and(eq(i.sessionId, sessionId), eq(i.customerId, customerId)),
  }))!;
  const session = (await db.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, sessionId) }))!;
  const customer = (await db.query.customers.findFirst({ where: eq(customers.id, customerId) }))!;
  const row = { invitation, session, customer };
  return invitationView(customerActorOf(row), row, "vi");
}

describe("the greeting", () => {
  it("uses the preferred name, else the whole name; erasure clears it", async () => {
    const base = {
      email: "tran.thi.mai.greeting@example.net",
      language: "vi" as const,
      timeZone: "Asia/Ho_Chi_Minh",
    };
    const { id } = await createCustomer(staff.facilitator, { ...base, name: "Trần Thị Mai" });
    expect((await viewOf(id)).greetingName).toBe("Trần Thị Mai");
    await updateCustomer(staff.facilitator, { ...base, id, name: "Trần Thị Mai", preferredName: " Mai " });
    expect((await db.query.customers.findFirst({ where: eq(customers.id, id) }))?.preferredName).toBe("Mai");
    expect((await viewOf(id)).greetingName).toBe("Mai");

    await eraseCustomerByStaff(staff.admin, { customerId: id, reason: "customer_request", confirm: "yes" });
    const erased = await db.query.customers.findFirst({ where: eq(customers.id, id) });
    expect([erased?.name, erased?.preferredName]).toEqual([null, null]);
  });
});
