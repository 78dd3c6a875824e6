import "server-only";
import { eq } from "drizzle-orm";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { env } from "@/env";
import { signInMail } from "@/server/mail/sign-in";
import { enqueueEmail } from "@/server/notify/outbox";
import { consumeRateLimit } from "@/server/security/rate-limit";
import { immersionAdapter } from "./adapter";

/** The page an emailed sign-in link opens: a button whose POST signs in (auth-routes.ts). */
export const SIGN_IN_CONFIRM_PATH = "/sign-in/confirm";

const secure = env.APP_URL.startsWith("https://");

async function activeUserByEmail(email: string) {
  const u = await db.query.users.findFirst({ where: eq(users.email, email.toLowerCase()) });
  return u?.active ? u : null;
}

declare module "next-auth" {
  interface Session {
    /** The user's session version at sign-in; a sign-out raises the user's (revoke-sessions.ts). */
    sessionVersion?: number;
  }
}

async function activeUserById(id: string) {
  const u = await db.query.users.findFirst({ where: eq(users.id, id) });
  return u?.active ? u : null;
}

/**
 * An SSO sign-in: the identity provider's subject decides who it is once linked (adapter.ts), so
 * a changed or reassigned address at the provider cannot reach another staff member; before the
 * first link the address must be an active staff member's with no other subject linked yet.
 */
export async function oidcSignInAllowed(subject: string, email: string | null | undefined) {
  const linked = await db.query.users.findFirst({ where: eq(users.oidcSubject, subject) });
  if (linked) return linked.active;
  const byEmail = email ? await activeUserByEmail(email) : null;
  return Boolean(byEmail && byEmail.oidcSubject === null);
}

const providers: NextAuthConfig["providers"] = [];

if (!env.AUTH_SSO_ONLY) {
  providers.push({
    id: "email",
    type: "email",
    name: "Email",
    maxAge: 24 * 60 * 60,
    async sendVerificationRequest({ identifier, url }) {
      // Same response for known and unknown addresses: only known, active staff get a mail.
      // The key is hashed by the limiter: no email address is stored in a bucket.
      const { allowed } = await consumeRateLimit(`signin:${identifier.toLowerCase()}`, 5, 15 * 60);
      const user = allowed ? await activeUserByEmail(identifier) : null;
      if (!user) return;
      // Links are built from the configured app URL, never from the request's Host header, and
      // open the confirmation page: a GET (a mail scanner's) must not use the link up.
      const link = new URL(url);
      const fixed = new URL(SIGN_IN_CONFIRM_PATH + link.search, env.APP_URL).toString();
      const mail = signInMail(fixed);
      await db.transaction((tx) =>
        enqueueEmail(tx, {
          kind: "sign_in",
          to: user.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        }),
      );
    },
  });
}

if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET) {
  providers.push({
    id: "oidc",
    name: env.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    // The company's identity provider is trusted to have verified the address.
    allowDangerousEmailAccountLinking: true,
  });
}

if (env.IMMERSION_DEMO) {
  providers.push(
    Credentials({
      id: "demo",
      name: "Demo sign-in",
      credentials: { email: { type: "email" } },
      async authorize(raw) {
        const parsed = z.object({ email: z.email() }).safeParse(raw);
        if (!parsed.success) return null;
        const user = await activeUserByEmail(parsed.data.email);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  );
}

export const demoSignInEnabled = env.IMMERSION_DEMO;
export const emailSignInEnabled = !env.AUTH_SSO_ONLY;
export const oidcEnabled = providers.some((p) => typeof p === "object" && "id" in p && p.id === "oidc");

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: immersionAdapter(db),
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  useSecureCookies: secure,
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  providers,
  callbacks: {
    async signIn({ user, email, account }) {
      if (email?.verificationRequest) return true; // the answer must not reveal whether the address exists
      if (account?.provider === "oidc") return oidcSignInAllowed(account.providerAccountId, user.email);
      return Boolean(user.email && (await activeUserByEmail(user.email)));
    },
    async jwt({ token, user, trigger }) {
      // Identity is fixed at sign-in; a client-side session update can never change it.
      // `user` is our own row here (the adapter's or the demo provider's), so its id is ours.
      if (trigger === "signIn" || trigger === "signUp") {
        const found = user?.id ? await activeUserById(user.id) : null;
        return found
          ? { sub: found.id, sv: found.sessionVersion, iat: token.iat, exp: token.exp, jti: token.jti }
          : null;
      }
      return { sub: token.sub, sv: token.sv, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      // Role and department come from the database on every request (requireStaff), not from here.
      return {
        ...session,
        sessionVersion: typeof token.sv === "number" ? token.sv : 0,
        user: { id: token.sub ?? "", email: session.user?.email ?? "", name: session.user?.name },
      };
    },
    // Only ever to this site, and on its configured origin: the request's own host can differ
    // (a proxy, 127.0.0.1 vs localhost) and the session cookie belongs to APP_URL's host.
    redirect({ url, baseUrl }) {
      const site = new URL(env.APP_URL).origin;
      if (url.startsWith("/") && !url.startsWith("//")) return `${site}${url}`;
      try {
        const target = new URL(url);
        if (target.origin === site || target.origin === baseUrl)
          return `${site}${target.pathname}${target.search}`;
      } catch {
        // not a URL: fall through to the home page
      }
      return site;
    },
  },
});
