import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodes } from "@/db/schema";
import type { ReasonCodeView } from "@/lib/domain/reason-codes";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { toReasonCodeView } from "./code-view";

/** The active codes with their definitions and examples, for every place codes are picked. */
export async function listActiveCodes(actor: Actor): Promise<ReasonCodeView[]> {
  assertCan(actor, "codebook.read");
  const rows = await db
    .select()
    .from(reasonCodes)
    .where(eq(reasonCodes.state, "active"))
    .orderBy(asc(reasonCodes.number));
  return rows.map(toReasonCodeView);
}
