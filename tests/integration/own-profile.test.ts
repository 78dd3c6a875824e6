// Staff set their own time zone and language preference: only their own row changes (the form
// cannot name another user), the next request's actor carries it, dates are written in its zone
// and conventions, bad input is refused with field errors and changes nothing; audited.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { loadStaffActor } from "@/server/staff/load-staff-actor";
import { getOwnProfile, updateOwnProfile } from "@/server/staff/own-profile";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

describe("one's own profile", () => {
  it("sets one's own zone and language; the next request writes dates with them", async () => {
    const agent = staff.agent;
    const othersBefore = await db.select().from(users).where(eq(users.id, staff.facilitator.userId));
    await updateOwnProfile(agent, { timeZone: "Asia/Ho_Chi_Minh", language: "vi" });
    const next = (await loadStaffActor(db, agent.userId))!;
    expect([next.timeZone, next.language]).toEqual(["Asia/Ho_Chi_Minh", "vi"]);
    expect(await getOwnProfile(next)).toMatchObject({ timeZone: "Asia/Ho_Chi_Minh", language: "vi" });
    const at = new Date("2026-12-20T03:00:00Z");
    const shown = formatDateTime(at, next.timeZone, LOCALE_TAGS[next.language]);
    expect(shown).toContain("Chủ Nhật, 20 tháng 12, 2026");
    expect(shown).toContain("10:00");
    expect(await db.select().from(users).where(eq(users.id, staff.facilitator.userId))).toEqual(othersBefore);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, "profile.update"));
    expect(audited.map((a) => a.resourceId)).toContain(agent.userId);
  });

  it.each([
    ["an unknown zone", { timeZone: "Mars/Olympus", language: "en" }],
    ["an unknown language", { timeZone: "UTC", language: "fr" }],
    ["another user's id", { timeZone: "UTC", language: "en", userId: crypto.randomUUID() }],
  ])("refuses %s and changes nothing", async (_label, input) => {
    const before = await db.query.users.findFirst({ where: eq(users.id, staff.executive.userId) });
    await expect(updateOwnProfile(staff.executive, input)).rejects.toBeInstanceOf(ZodError);
    expect(await db.query.users.findFirst({ where: eq(users.id, staff.executive.userId) })).toEqual(before);
  });
});
