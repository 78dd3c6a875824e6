import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { zCreateUser, zUpdateUser } from "@/lib/validation/admin";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, invalid, notFound } from "@/server/errors";
import { appLink } from "@/server/mail/customer-mails";
import { COMPANY, renderMail } from "@/server/mail/render";
import { enqueueEmail } from "@/server/notify/outbox";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)["role"];
  active: boolean;
  timeZone: string;
  trainedForVulnerable: boolean;
};

/** Every staff account (admins only). */
export async function listUsers(actor: Actor): Promise<UserRow[]> {
  assertCan(actor, "user.manage");
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      timeZone: users.timeZone,
      trainedForVulnerable: users.trainedForVulnerable,
    })
    .from(users)
    .orderBy(asc(users.name));
}

/**
 * Invites a staff member: the account exists at once and they get an email pointing at the
 * sign-in page (they ask for their own link there, so no sign-in token sits in an invitation).
 */
export async function createUser(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "user.manage");
  const data = zCreateUser.parse(input);
  const taken = await db.query.users.findFirst({ where: eq(users.email, data.email) });
  if (taken)
    throw invalid("Please check the highlighted fields.", {
      email: ["There is already an account with this email"],
    });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values(data).returning({ id: users.id });
    if (!row) throw conflict("The account could not be created");
    const mail = renderMail({
      lang: "en",
      heading: `You have a ${COMPANY} account`,
      blocks: [
        { paragraph: `${actor.name} gave you access to ${COMPANY}. Sign in with this email address.` },
        { button: { label: "Go to sign-in", href: appLink("/sign-in") } },
      ],
    });
    await enqueueEmail(tx, {
      kind: "staff_invite",
      to: data.email,
      subject: `Your ${COMPANY} account`,
      ...mail,
    });
    await audit(tx, actor, "user.create", "user", row.id);
    return row;
  });
}

/**
 * Changes role, zone, training or access. Staff are loaded from the database on every request
 * (server/staff/load-staff-actor.ts), so a deactivated or demoted user loses access at their next
 * request. An admin cannot deactivate or demote themselves (the last door out of the admin area).
 */
export async function updateUser(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "user.manage");
  const { userId, ...data } = zUpdateUser.parse(input);
  if (userId === actor.userId && (!data.active || data.role !== "admin"))
    throw invalid("You cannot remove your own admin access", { role: ["Ask another admin"] });
  await db.transaction(async (tx) => {
    // Deactivating also raises the session version, so a later reactivation does not bring the
    // old cookies back to life (server/staff/revoke-sessions.ts).
    const revoke = data.active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` };
    const changed = await tx
      .update(users)
      .set({ ...data, ...revoke })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!changed.length) throw notFound();
    await audit(tx, actor, data.active ? "user.update" : "user.deactivate", "user", userId);
  });
}
