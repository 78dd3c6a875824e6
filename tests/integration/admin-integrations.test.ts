// The read-only integrations view on real services: the database answers, a real SMTP server on
// loopback answers and a closed port does not, LiveKit pointed at a closed port does not, SSO is
// not configured in tests; no secret or credential ever appears; non-admins are refused.
import "../support/test-env";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { listIntegrations } from "@/server/admin/integrations";
import { DomainError } from "@/server/errors";
import { seededDb } from "../support/seeded-db";
import { startTestSmtp } from "../support/smtp";

let staff: Awaited<ReturnType<typeof seededDb>>;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  staff = await seededDb();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
});

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("integrations", () => {
  it("says what is configured and what answers, with no secrets", async () => {
    const up = await listIntegrations(staff.admin, { smtpUrl: smtp.url });
    const by = Object.fromEntries(up.map((i) => [i.name, i]));
    expect(by.Database).toMatchObject({ configured: true, reachable: true });
    expect(by.SMTP).toMatchObject({ configured: true, reachable: true, detail: `127.0.0.1:${smtp.port}` });
    expect(by.LiveKit).toMatchObject({ configured: true, reachable: false, developmentDefault: true });
    expect(by.SSO).toMatchObject({ configured: false, reachable: null });

    const down = await listIntegrations(staff.admin, { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    expect(down.find((i) => i.name === "SMTP")?.reachable).toBe(false);

    const json = JSON.stringify([up, down]);
    for (const secret of [env.AUTH_SECRET, env.LIVEKIT_API_SECRET, env.LIVEKIT_API_KEY])
      expect(json).not.toContain(secret);
  });

  it("is for admins only", async () => {
    for (const who of [staff.facilitator, staff.executive, staff.agent, staff.owner])
      await expect(listIntegrations(who)).rejects.toBeInstanceOf(DomainError);
  });
});
