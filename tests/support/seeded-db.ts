import { eq } from "drizzle-orm";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { StaffActor } from "@/server/auth/actor";
import { loadStaffActor } from "@/server/staff/load-staff-actor";

/** Migrates and seeds the test database once, and returns the demo staff as actors. */
export async function seededDb() {
  await migrateDatabase(db);
  await seedDemo(db);
  const actor = async (email: string): Promise<StaffActor> => {
    const u = await db.query.users.findFirst({ where: eq(users.email, email) });
    const a = u && (await loadStaffActor(db, u.id));
    if (!a) throw new Error(`no demo user ${email}`);
    return a;
  };
  return {
    facilitator: await actor("facilitator@northwind.example"),
    executive: await actor("executive@northwind.example"),
    owner: await actor("owner@northwind.example"),
    agent: await actor("agent@northwind.example"),
    admin: await actor("admin@northwind.example"),
  };
}
