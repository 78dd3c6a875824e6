import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodes } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** Active numbered reason codes, in number order. */
export async function listReasonCodes(actor: Actor) {
  assertCan(actor, "insight.read");
  return db.select().from(reasonCodes).where(eq(reasonCodes.active, true)).orderBy(asc(reasonCodes.number));
}
