// The facilitator's scheduling journey in Chromium: invite by tag, reschedule, cancel, with every
// change reaching guests over SMTP as calendar updates; attendance corrected after a session.
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, sessions, users } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { axeViolations } from "../support/axe";
import { parseIcs } from "../support/ics";
import { journey } from "../support/journey";

const SHOTS = process.env.SCREENSHOT_DIR;
// Server actions on a shared, busy machine: generous waits, not performance assertions.
const WAIT = { timeout: 30_000 };
const TAG = "e2e-scheduling";
const GUESTS = [
  { name: "Lan Pham", email: "lan.pham@example.test", language: "vi" as const, timeZone: "Asia/Ho_Chi_Minh" },
  {
    name: "Wei Zhang",
    email: "wei.zhang@example.test",
    language: "zh" as const,
    timeZone: "America/New_York",
  },
];

const { app, newPage: openPage, signInAs, scheduleSession } = journey();
const newPage = () => openPage({ width: 1280, height: 900 });

async function mailsTo(address: string, subject: RegExp, count = 1) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = app.smtp.received.filter((m) => m.to.includes(address) && subject.test(m.subject));
    if (found.length >= count) return found;
    if (Date.now() > deadline)
      throw new Error(`no mail to ${address} matching ${subject}\n${app.logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const calendarIn = (mail: { attachments: { content: string }[] }) => {
  const part = mail.attachments.find((a) => a.content.includes("BEGIN:VCALENDAR"));
  if (!part) throw new Error("no calendar file");
  return parseIcs(part.content);
};

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  await app.db.insert(customers).values(GUESTS.map((g) => ({ ...g, tags: [TAG] })));
});

describe("the facilitator's scheduling journey", () => {
  let page: Page;
  let sessionId = "";

  it("invites by tag; each guest gets the invitation with a calendar file in their language", async () => {
    page = await newPage();
    await signInAs(page, "Farah Facilitator");
    sessionId = (await scheduleSession(page, "Moving house — panel", 3)).split("/").pop() ?? "";

    await page.getByLabel("Tag", { exact: true }).selectOption(TAG);
    await page.getByRole("button", { name: "Invite everyone who matches" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, send the invitations" }).click();
    await expect.poll(() => page.getByText("2 invitations sent.").count(), WAIT).toBe(1);
    const [vi] = await mailsTo(GUESTS[0]!.email, /Thư mời/);
    const [zh] = await mailsTo(GUESTS[1]!.email, /诚邀/);
    expect(calendarIn(vi!).method).toBe("REQUEST");
    expect(calendarIn(zh!).tzid).toBe("Europe/London");
    await expect.poll(() => page.getByRole("heading", { name: "RSVPs by status" }).count(), WAIT).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "session-scheduled");
  });

  it("reschedules into another zone; everyone on the list gets a calendar update", async () => {
    const day = instantToZonedWallTime(new Date(Date.now() + 5 * 86400_000), "America/New_York").slice(0, 11);
    const next = `${day}10:00`;
    await page.getByLabel("New start").fill(next);
    await page.getByLabel("Time zone").selectOption("America/New_York");
    await page.getByLabel("Length (minutes)").fill("60");
    await page.getByRole("button", { name: "Reschedule and notify" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, reschedule and notify" }).click();
    await expect
      .poll(() => page.getByText(/Rescheduled\. Calendar updates are on their way to 2 guests/).count())
      .toBe(1);
    const [update] = await mailsTo(GUESTS[0]!.email, /Thời gian mới/);
    const ics = calendarIn(update!);
    expect(ics.sequence).toBe(1);
    expect(ics.tzid).toBe("America/New_York");
    expect(ics.dtstartRaw).toContain(`${next.slice(0, 10).replaceAll("-", "")}T100000`);
    expect(ics.end.getTime() - ics.start.getTime()).toBe(60 * 60_000);
    const [staffMail] = await mailsTo("facilitator@northwind.example", /New time/);
    expect(calendarIn(staffMail!).method).toBe("REQUEST");
    await shot(page, "session-rescheduled");
  });

  it("cancels; every guest and staff attendee gets METHOD:CANCEL, and the page says so", async () => {
    await page.getByText("Cancel this session…").click();
    await page.getByRole("button", { name: "Cancel the session and notify everyone" }).click();
    await expect.poll(() => page.getByText(/This session was cancelled/).count(), WAIT).toBe(1);
    for (const g of GUESTS) {
      const [m] = await mailsTo(g.email, /Đã hủy|已取消/);
      const ics = calendarIn(m!);
      expect(ics.method).toBe("CANCEL");
      expect(ics.sequence).toBe(2);
    }
    const [s] = await app.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(s?.status).toBe("cancelled");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "session-cancelled");
  });

  it("after a session, the facilitator corrects a no-show on the attendance list", async () => {
    const [farah] = await app.db.select().from(users).where(eq(users.email, "facilitator@northwind.example"));
    const ended = await app.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.status, "ended"), eq(sessions.facilitatorId, farah!.id)));
    let target = "";
    for (const s of ended) {
      const rows = await app.db
        .select()
        .from(invitations)
        .where(and(eq(invitations.sessionId, s.id), eq(invitations.status, "no_show")));
      if (rows.length) {
        target = s.id;
        break;
      }
    }
    expect(target).not.toBe("");
    await page.goto(`${app.url}/sessions/${target}`);
    await expect.poll(() => page.getByRole("heading", { name: "Attendance" }).count(), WAIT).toBe(1);
    await shot(page, "session-attendance");
    const mark = page.getByRole("button", { name: /^Mark attended: / }).first();
    const label = (await mark.getAttribute("aria-label")) ?? "";
    await mark.click();
    await expect.poll(() => page.getByText("Marked as attended.").count(), WAIT).toBe(1);
    expect(label).toMatch(/^Mark attended: .+/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
