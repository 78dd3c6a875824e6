import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodeHistory, reasonCodes, users } from "@/db/schema";
import { ACTIVE_CODES_WARN_ABOVE } from "@/lib/domain/reason-codes";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { toReasonCodeView } from "./code-view";

/**
 * The codebook: every code (active, proposed, retired) in number order, how many are active and
 * whether that is more than people can keep in their heads, and each code's history.
 */
export async function listCodebook(actor: Actor) {
  assertCan(actor, "codebook.read");
  const [codes, history] = await Promise.all([
    db.select().from(reasonCodes).orderBy(asc(reasonCodes.number)),
    db
      .select({
        id: reasonCodeHistory.id,
        reasonCodeId: reasonCodeHistory.reasonCodeId,
        change: reasonCodeHistory.change,
        at: reasonCodeHistory.createdAt,
        actor: users.name,
      })
      .from(reasonCodeHistory)
      .innerJoin(users, eq(users.id, reasonCodeHistory.actorId))
      .orderBy(desc(reasonCodeHistory.createdAt)),
  ]);
  const active = codes.filter((c) => c.state === "active").length;
  return {
    codes: codes.map((c) => ({
      ...toReasonCodeView(c),
      history: history.filter((h) => h.reasonCodeId === c.id),
    })),
    activeCount: active,
    tooMany: active > ACTIVE_CODES_WARN_ABOVE,
    canManage: can(actor, "codebook.manage"),
    canPropose: can(actor, "codebook.propose"),
  };
}
