import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/db";
import { users, verificationTokens } from "@/db/schema";

const toAdapterUser = (u: typeof users.$inferSelect): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: null,
});

/**
 * The minimal Auth.js adapter over our own tables. Staff are created by admins and the seed, never
 * by signing in, so createUser refuses. Auth.js hashes verification tokens before they reach us.
 * SSO accounts are one column on users (the provider's subject): there is one provider.
 */
export function immersionAdapter(db: Db): Adapter {
  return {
    async createUser() {
      throw new Error("Staff accounts are created by an admin");
    },
    async getUser(id) {
      const u = await db.query.users.findFirst({ where: eq(users.id, id) });
      return u?.active ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db.query.users.findFirst({ where: eq(users.email, email.toLowerCase()) });
      return u?.active ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      if (provider !== "oidc") return null;
      const u = await db.query.users.findFirst({ where: eq(users.oidcSubject, providerAccountId) });
      return u?.active ? toAdapterUser(u) : null;
    },
    async updateUser(user) {
      const u = await db.query.users.findFirst({ where: eq(users.id, user.id) });
      if (!u) throw new Error("Unknown user");
      return toAdapterUser(u);
    },
    async linkAccount(account) {
      // The first SSO sign-in of a staff member (matched by address, config.ts) links the
      // provider's subject; from then on the subject, not the address, finds them.
      if (account.provider !== "oidc") return;
      await db
        .update(users)
        .set({ oidcSubject: account.providerAccountId })
        .where(and(eq(users.id, account.userId), isNull(users.oidcSubject)));
    },
    async createVerificationToken(token) {
      await db.insert(verificationTokens).values({
        identifier: token.identifier,
        tokenHash: token.token,
        expires: token.expires,
      });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const [row] = await db
        .delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.tokenHash, token)))
        .returning();
      return row ? { identifier: row.identifier, token: row.tokenHash, expires: row.expires } : null;
    },
  };
}
