// Company SSO sign-in: the identity provider's subject is linked to the staff member at the first
// sign-in and decides who it is from then on (a changed address still finds them; another subject
// claiming their address does not); and SSO-only mode, in which no emailed sign-in link exists.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { outbox, users } from "@/db/schema";
import { immersionAdapter } from "@/server/auth/adapter";
import { oidcSignInAllowed } from "@/server/auth/config";
import { seededDb } from "../support/seeded-db";

const EMAIL = "agent@northwind.example";
let userId = "";
const adapter = immersionAdapter(db);

beforeAll(async () => {
  await seededDb();
  const u = await db.query.users.findFirst({ where: eq(users.email, EMAIL) });
  userId = u!.id;
});

describe("SSO accounts linked by the provider's subject", () => {
  it("links at the first sign-in, then finds the person by subject, never by a claimed address", async () => {
    expect(await adapter.getUserByAccount?.({ provider: "oidc", providerAccountId: "idp|1" })).toBeNull();
    expect(await oidcSignInAllowed("idp|1", EMAIL)).toBe(true);
    await adapter.linkAccount?.({ provider: "oidc", providerAccountId: "idp|1", userId, type: "oidc" });
    expect((await db.query.users.findFirst({ where: eq(users.id, userId) }))?.oidcSubject).toBe("idp|1");

    expect(await adapter.getUserByAccount?.({ provider: "oidc", providerAccountId: "idp|1" })).toMatchObject({
      id: userId,
      email: EMAIL,
    });
    // The provider changed the address: still the same staff member.
    expect(await oidcSignInAllowed("idp|1", "renamed@northwind.example")).toBe(true);
    // Another account at the provider now carrying this address: refused, and never linked over.
    expect(await oidcSignInAllowed("idp|2", EMAIL)).toBe(false);
    await adapter.linkAccount?.({ provider: "oidc", providerAccountId: "idp|2", userId, type: "oidc" });
    expect((await db.query.users.findFirst({ where: eq(users.id, userId) }))?.oidcSubject).toBe("idp|1");
    // Nobody: an unknown subject with an unknown address.
    expect(await oidcSignInAllowed("idp|3", "stranger@example.com")).toBe(false);
  });

  it("a deactivated staff member's subject signs in no more", async () => {
    await db.update(users).set({ active: false }).where(eq(users.id, userId));
    try {
      expect(await adapter.getUserByAccount?.({ provider: "oidc", providerAccountId: "idp|1" })).toBeNull();
      expect(await oidcSignInAllowed("idp|1", EMAIL)).toBe(false);
    } finally {
      await db.update(users).set({ active: true }).where(eq(users.id, userId));
    }
  });
});

describe("SSO-only mode", () => {
  it("refuses to start without a configured identity provider", async () => {
    vi.resetModules();
    vi.stubEnv("AUTH_SSO_ONLY", "true");
    try {
      await expect(import("@/env")).rejects.toThrow(/AUTH_SSO_ONLY: needs AUTH_OIDC_ISSUER/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("offers no email provider: asking for a link sends nothing, the form is off", async () => {
    vi.resetModules();
    vi.stubEnv("AUTH_SSO_ONLY", "true");
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://login.northwind.example");
    vi.stubEnv("AUTH_OIDC_CLIENT_ID", "immersion");
    vi.stubEnv("AUTH_OIDC_CLIENT_SECRET", "secret-secret-secret");
    try {
      const config = await import("@/server/auth/config");
      expect(config.emailSignInEnabled).toBe(false);
      expect(config.oidcEnabled).toBe(true);
      const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
      const providers = await (await GET(new NextRequest("http://app.test:3000/api/auth/providers"))).json();
      expect(Object.keys(providers)).not.toContain("email");
      expect(Object.keys(providers)).toContain("oidc");
      const csrf = await GET(new NextRequest("http://app.test:3000/api/auth/csrf"));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const before = (await db.select().from(outbox)).length;
      const res = await POST(
        new NextRequest("http://app.test:3000/api/auth/signin/email", {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie,
            origin: "http://app.test:3000",
          },
          body: new URLSearchParams({ csrfToken, email: EMAIL }),
        }),
      );
      expect(res.status).toBeLessThan(500);
      expect((await db.select().from(outbox)).length).toBe(before);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
