// Need-to-know: a customer's name and contact details are shown to admins and to facilitators
// of the customer's sessions (anyone who may invite, for a customer not invited yet); every other
// role sees a stable pseudonym and no contact details. Every read is audited either way.
import "../support/test-env";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, customers, invitations } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { exportCustomer } from "@/server/customers/export-customer";
import { getCustomer } from "@/server/customers/get-customer";
import { staffRoomView } from "@/server/rooms/staff-room";
import { createSession } from "@/server/sessions/create-session";
import { roomSession } from "../support/room-fixtures";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
let invitedByAdmin = "";
let directoryOnly = "";

beforeAll(async () => {
  staff = await seededDb();
  const [a, b] = await db
    .insert(customers)
    .values([
      { name: "Ngô Bảo Châu", email: "chau.ntk@example.com", phone: "+84 90 000 0001" },
      { name: "Ingrid Solberg", email: "ingrid.ntk@example.com" },
    ])
    .returning();
  invitedByAdmin = a!.id;
  directoryOnly = b!.id;
  // The admin facilitates this customer's only session.
  const { id: sessionId } = await createSession(staff.admin, {
    title: "Need to know",
    description: "",
    format: "story_circle",
    startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 86400_000), "Europe/London"),
    timeZone: "Europe/London",
    durationMinutes: 30,
    seats: 4,
    observersHidden: true,
  });
  await db.insert(invitations).values({
    sessionId,
    customerId: invitedByAdmin,
    tokenHash: crypto.randomUUID(),
    tokenExpiresAt: new Date(Date.now() + 86400_000),
  });
});

describe("a customer's record", () => {
  it("shows a pseudonym and no contact details to roles without need-to-know, and audits it", async () => {
    for (const who of [staff.agent, staff.executive, staff.owner, staff.facilitator]) {
      const c = await getCustomer(who, invitedByAdmin);
      expect(c).toMatchObject({ pseudonymous: true, email: "", phone: null });
      expect(c.name).toMatch(/^Guest [0-9A-F]{4}$/);
      expect(JSON.stringify(c)).not.toMatch(/Châu|chau\.ntk|\+84/);
    }
    // The same pseudonym everywhere, so staff can still tell guests apart.
    expect((await getCustomer(staff.agent, invitedByAdmin)).name).toBe(
      (await getCustomer(staff.executive, invitedByAdmin)).name,
    );
    const reads = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, invitedByAdmin), eq(auditLog.action, "read_pseudonymous")));
    expect(reads.length).toBeGreaterThanOrEqual(4);
  });

  it("shows name and contacts to admins, to the facilitator of their session, and for directory-only customers", async () => {
    expect(await getCustomer(staff.admin, invitedByAdmin)).toMatchObject({
      pseudonymous: false,
      name: "Ngô Bảo Châu",
      email: "chau.ntk@example.com",
    });
    expect(await getCustomer(staff.facilitator, directoryOnly)).toMatchObject({
      pseudonymous: false,
      email: "ingrid.ntk@example.com",
    });
    expect((await getCustomer(staff.agent, directoryOnly)).pseudonymous).toBe(true);
  });

  it("is exported only by those who may see it", async () => {
    await expect(exportCustomer(staff.facilitator, invitedByAdmin)).rejects.toThrow();
    expect((await exportCustomer(staff.admin, invitedByAdmin)).customer.email).toBe("chau.ntk@example.com");
  });
});

describe("the staff room", () => {
  it("audits that its guests' names were seen", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { customers: 1 });
    const view = await staffRoomView(staff.facilitator, sessionId);
    expect(view.guests).toHaveLength(1);
    const seen = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, sessionId), eq(auditLog.action, "room_guest_names")));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.actorId).toBe(staff.facilitator.userId);
    expect(view.guests[0]).toMatchObject({ pseudonymous: false });
    expect(view.guests[0]!.name).not.toMatch(/^Guest /);
  });

  it("shows other attending staff pseudonyms in the room, and audits names only where they are seen", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { customers: 2, agent: staff.agent });
    const view = await staffRoomView(staff.agent, sessionId);
    expect(view.guests.map((g) => g.name).sort()).toEqual(
      guests.map((g) => `Guest ${g.customerId.slice(0, 4).toUpperCase()}`).sort(),
    );
    expect(view.guests.every((g) => g.pseudonymous)).toBe(true);
    const names = (await staffRoomView(staff.facilitator, sessionId)).guests.map((g) => g.name);
    // Nothing the agent received carries a guest's name.
    for (const name of names) expect(JSON.stringify(view)).not.toContain(name);
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, sessionId), eq(auditLog.action, "room_guest_names")));
    expect(audited.map((a) => a.actorId)).toEqual([staff.facilitator.userId]);
    // An admin looking in sees names, audited too.
    expect((await staffRoomView(staff.admin, sessionId)).guests.every((g) => !g.pseudonymous)).toBe(true);
  });
});
