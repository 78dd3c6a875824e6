import "server-only";
import { z } from "zod";

const EMAIL_CALLBACK = "/api/auth/callback/email";

const zLink = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
  email: z.email().max(320),
  callbackUrl: z.string().max(2000).optional(),
});

/**
 * The confirmation page's form target for an emailed sign-in link's query (token, email,
 * callbackUrl), or null when the link is incomplete. The callbackUrl is passed on as it came:
 * Auth.js's redirect callback (server/auth/config.ts) only ever leads to this site.
 */
export function signInConfirmTarget(
  query: Record<string, string | string[] | undefined>,
): { action: string; email: string } | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);
  const parsed = zLink.safeParse({
    token: one(query.token),
    email: one(query.email),
    callbackUrl: one(query.callbackUrl),
  });
  if (!parsed.success) return null;
  const params = new URLSearchParams({ token: parsed.data.token, email: parsed.data.email });
  if (parsed.data.callbackUrl) params.set("callbackUrl", parsed.data.callbackUrl);
  return { action: `${EMAIL_CALLBACK}?${params}`, email: parsed.data.email };
}
