// The staff sign-in form is limited per client as well as per address: one client asking for
// links to many addresses is held after 20 in 15 minutes, with a "try again" answer, and neither
// key is stored in clear (the limiter keeps hashes).
import "../support/test-env";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { outbox, rateLimitBuckets } from "@/db/schema";
import { seededDb } from "../support/seeded-db";

const CLIENT = "203.0.113.77";
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ "x-forwarded-for": CLIENT, origin: "http://app.test:3000" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});

const { emailSignIn } = await import("@/app/sign-in/actions");

/** Where the action redirected (Next's redirect() throws with the target in its digest). */
async function submit(email: string): Promise<string> {
  const form = new FormData();
  form.set("email", email);
  try {
    await emailSignIn(form);
    return "no redirect";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? error);
    return digest.split(";")[2] ?? digest;
  }
}

beforeAll(async () => {
  await seededDb();
});

describe("sign-in form rate limit per client", () => {
  it("holds the 21st request from one client in 15 minutes, whichever addresses it names", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 21; i++) answers.push(await submit(`someone.${i}@example.com`));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("/sign-in/check-email"));
    expect(answers[20]).toBe("/sign-in?error=busy");
    // A known address from the same client is held too, and gets no mail.
    expect(await submit("facilitator@northwind.example")).toBe("/sign-in?error=busy");
    expect((await db.select().from(outbox)).filter((m) => m.kind === "sign_in")).toEqual([]);
    const stored = JSON.stringify(await db.select().from(rateLimitBuckets));
    expect(stored).not.toContain(CLIENT);
    expect(stored).not.toContain("@example.com");
  });
});
