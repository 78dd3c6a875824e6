// `npx tsx --conditions=react-server tests/support/screenshots.ts [--readme]`: screenshots of the
// main staff and customer pages from the production build with demo data, into
// tests/.artifacts/screenshots (and, with --readme, the README's two into docs/screenshots).
// Needs `npx next build` first. For people to look at; no assertions here.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { customers, invitations, sessions } from "@/db/schema";
import { hashToken, newLinkToken } from "@/server/security/tokens";
import { startAppServer } from "./app-server";
import { launchChromium } from "./chromium";

const out = path.resolve("tests/.artifacts/screenshots");
mkdirSync(out, { recursive: true });
const app = await startAppServer();
const browser = await launchChromium();
try {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await staff.goto(`${app.url}/sign-in`);
  await staff.screenshot({ path: `${out}/sign-in.png`, fullPage: true });
  await staff.getByRole("button", { name: /Farah Facilitator/ }).click();
  await staff.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  const upcoming = await app.db.query.sessions.findFirst({ where: eq(sessions.format, "speed_dating") });
  const scheduled = (await app.db.select().from(sessions).where(eq(sessions.status, "scheduled")))[0];
  const pages: [string, string][] = [
    ["dashboard", "/dashboard"],
    ["sessions", "/sessions"],
    ["session-new", "/sessions/new"],
    ["session", `/sessions/${scheduled?.id}`],
    ["briefing", `/sessions/${scheduled?.id}/briefing`],
    ["session-speed-dating", `/sessions/${upcoming?.id}`],
    ["customers", "/customers"],
    ["customers-import", "/customers/import"],
    ["insights", "/insights"],
    ["actions", "/actions"],
    ["mailbox", "/mailbox"],
  ];
  for (const [name, url] of pages) {
    await staff.goto(`${app.url}${url}`);
    await staff.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  }

  // A customer of the scheduled session, given a link only this script knows.
  const [guest] = await app.db
    .select({ invitation: invitations, customer: customers })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(and(eq(invitations.sessionId, scheduled?.id ?? ""), eq(customers.language, "vi")));
  if (guest) {
    const { token } = newLinkToken();
    await app.db
      .update(invitations)
      .set({
        tokenHash: hashToken(token),
        tokenRevokedAt: null,
        tokenExpiresAt: new Date(Date.now() + 86400_000),
      })
      .where(eq(invitations.id, guest.invitation.id));
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${app.url}/i/${token}`);
    await phone.screenshot({ path: `${out}/invite-vi.png`, fullPage: true });
    await phone.getByRole("button", { name: "Chữ lớn" }).click();
    await phone.waitForFunction(() => document.documentElement.dataset.text === "large");
    await phone.screenshot({ path: `${out}/invite-vi-large.png`, fullPage: true });
    await phone.goto(`${app.url}/link-invalid`);
    await phone.screenshot({ path: `${out}/link-invalid.png`, fullPage: true });
  }
  if (process.argv.includes("--readme")) {
    mkdirSync("docs/screenshots", { recursive: true });
    for (const name of ["session", "invite-vi"])
      copyFileSync(`${out}/${name}.png`, `docs/screenshots/${name}.png`);
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await app.close();
}
