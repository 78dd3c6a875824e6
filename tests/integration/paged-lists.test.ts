// The paged lists and the audience count behind the confirmation step, on a real libSQL file:
// pages are complete and disjoint in every order, URL input is validated, and the count the
// dialog shows is the number of invitations that are then sent.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invitations } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { PAGE_SIZE } from "@/lib/paging";
import { listCustomersPage } from "@/server/customers/list-customers";
import { countAudience, inviteAudience } from "@/server/invitations/invite-audience";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { listSessionsPage } from "@/server/sessions/list-sessions";
import { newCustomers, newSession } from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

const inDays = (d: number) => instantToZonedWallTime(new Date(Date.now() + d * 86400_000), "UTC");

describe("paged customer directory", () => {
  it("splits a filtered directory into complete, disjoint pages in every order", async () => {
    const tag = `paged-${crypto.randomUUID().slice(0, 6)}`;
    const made = await newCustomers(PAGE_SIZE + 7, { tags: [tag] });
    for (const sort of ["name", "-name", "email", "-created", "language"]) {
      const one = await listCustomersPage(staff.facilitator, { tag, sort, page: "1" });
      const two = await listCustomersPage(staff.facilitator, { tag, sort, page: "2" });
      expect([one.total, one.pageCount, one.rows.length, two.rows.length]).toEqual([
        PAGE_SIZE + 7,
        2,
        PAGE_SIZE,
        7,
      ]);
      const ids = [...one.rows, ...two.rows].map((c) => c.id);
      expect(new Set(ids)).toEqual(new Set(made.map((c) => c.id)));
    }
    const desc = await listCustomersPage(staff.facilitator, { tag, sort: "-email" });
    const emails = desc.rows.map((c) => c.email);
    expect(emails).toEqual([...emails].sort().reverse());
    expect(desc.sort).toEqual({ key: "email", desc: true });
  });

  it("clamps the page, ignores a sort key that is not on the list, and keeps the field rules", async () => {
    const tag = `clamp-${crypto.randomUUID().slice(0, 6)}`;
    await newCustomers(3, { tags: [tag] });
    const far = await listCustomersPage(staff.facilitator, { tag, page: "40", sort: "accessibilityNotes" });
    expect([far.page, far.pageCount, far.rows.length]).toEqual([1, 1, 3]);
    expect(far.sort).toEqual({ key: "name", desc: false });
    const exec = await listCustomersPage(staff.admin, { tag });
    expect(exec.rows.every((c) => "accessibilityNotes" in c)).toBe(true);
    await expect(listCustomersPage(staff.executive, { tag })).rejects.toThrow(/not allowed/);
  });
});

describe("paged sessions", () => {
  it("is newest first unless asked otherwise, and sorts by title on request", async () => {
    await newSession(staff.facilitator, {
      startsAtLocal: inDays(400),
      timeZone: "UTC",
      title: "Zzz far future",
    });
    const first = await listSessionsPage(staff.agent, {});
    expect(first.sort).toEqual({ key: "starts", desc: true });
    expect(first.rows[0]?.title).toBe("Zzz far future");
    const starts = first.rows.map((s) => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const byTitle = await listSessionsPage(staff.agent, { sort: "title" });
    const titles = byTitle.rows.map((s) => s.title.toLowerCase());
    expect(titles).toEqual([...titles].sort());
  });
});

describe("audience count for the confirmation", () => {
  it("is the number of invitations then sent, leaving out those already invited", async () => {
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(6), timeZone: "UTC" });
    const tag = `count-${crypto.randomUUID().slice(0, 6)}`;
    const people = await newCustomers(4, { tags: [tag] });
    await inviteCustomers(staff.facilitator, { sessionId, customerIds: [people[0]!.id] });
    expect(await countAudience(staff.facilitator, { sessionId, tag })).toBe(3);
    const sent = await inviteAudience(staff.facilitator, { sessionId, tag });
    expect(sent.invited).toBe(3);
    expect(await countAudience(staff.facilitator, { sessionId, tag })).toBe(0);
    const rows = await db.select().from(invitations).where(eq(invitations.sessionId, sessionId));
    expect(rows).toHaveLength(4);
    await expect(countAudience(staff.agent, { sessionId, tag })).rejects.toThrow(/not found/i);
  });
});
