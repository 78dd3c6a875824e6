// The customer room page's JavaScript as a browser downloads it: at load (before Join) and after
// joining (livekit-client fetched on Join), gzip-compressed as served, against LiveKit Meet's room
// page (343 kB gzip, the reference). Goals: ≤ 0.5× at load, ≤ 0.85× after joining.
import { createHash, randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { customers, invitations, sessions, users } from "@/db/schema";
import type { AppServer } from "../support/app-server";
import { launchChromium } from "../support/chromium";

const MEET_ROOM_KB = 343;

export async function benchRoomPageWeight(app: AppServer): Promise<string[]> {
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Bench room",
      startsAt: new Date(Date.now() + 3600_000),
      timeZone: "UTC",
      facilitatorId: farah!.id,
    })
    .returning();
  const [c] = await app.db
    .insert(customers)
    .values({
      name: "Bench Guest",
      email: `bench.${randomBytes(4).toString("hex")}@example.com`,
      timeZone: "UTC",
    })
    .returning();
  const token = randomBytes(32).toString("base64url");
  await app.db.insert(invitations).values({
    sessionId: s!.id,
    customerId: c!.id,
    status: "accepted",
    tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
    tokenExpiresAt: new Date(Date.now() + 86400_000),
  });
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${app.url}/i/${token}`);
    await page.waitForURL(/\/invite$/);
    const scripts = new Map<string, number>();
    page.on("response", async (res) => {
      if (res.request().resourceType() !== "script") return;
      const body = await res.body().catch(() => null);
      if (body) scripts.set(res.url(), gzipSync(body).length);
    });
    await page.goto(`${app.url}/invite/room`, { waitUntil: "networkidle" });
    const atLoad = [...scripts.values()].reduce((a, b) => a + b, 0);
    await page.getByRole("button", { name: "Join the session" }).click();
    await page.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });
    await page.waitForLoadState("networkidle");
    const afterJoin = [...scripts.values()].reduce((a, b) => a + b, 0);
    const kb = (n: number) => (n / 1024).toFixed(1);
    if (process.env.BENCH_DETAIL)
      for (const [u, n] of [...scripts].sort((a, b) => b[1] - a[1]))
        console.log(kb(n), u.replace(app.url, ""));
    return [
      `customer room page JS at load: ${kb(atLoad)} kB gzip (${(atLoad / 1024 / MEET_ROOM_KB).toFixed(2)}× LiveKit Meet's ${MEET_ROOM_KB} kB; goal ≤ 0.5×)`,
      `after joining: ${kb(afterJoin)} kB gzip (${(afterJoin / 1024 / MEET_ROOM_KB).toFixed(2)}×; goal ≤ 0.85×)`,
    ];
  } finally {
    await browser.close();
  }
}
