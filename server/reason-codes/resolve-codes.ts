import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { reasonCodes } from "@/db/schema";
import { codeNumbersOf } from "@/lib/domain/reason-codes";
import { invalid } from "@/server/errors";

/** At most this many codes on one note (room note or listening-log entry). */
const MAX_CODES = 10;

/**
 * The reason codes a note carries: the ones ticked and the ones typed by number ("2 7, 10"), each
 * active. The room's note form and the listening log both come here, so a number means the same
 * code in both and an unknown or retired one is refused with the same words.
 */
export async function resolveCodeIds(tx: Tx, ticked: string[], typed: string): Promise<string[]> {
  const numbers = codeNumbersOf(typed);
  const byNumber = numbers.length
    ? await tx
        .select({ id: reasonCodes.id, number: reasonCodes.number })
        .from(reasonCodes)
        .where(and(inArray(reasonCodes.number, numbers), eq(reasonCodes.state, "active")))
    : [];
  const unknown = numbers.filter((n) => !byNumber.some((c) => c.number === n));
  if (unknown.length)
    throw invalid("Unknown code numbers", { codeNumbers: [`No active code ${unknown.join(", ")}`] });
  const ids = [...new Set([...ticked, ...byNumber.map((c) => c.id)])];
  if (ids.length > MAX_CODES)
    throw invalid("Too many codes", { codeNumbers: ["At most ten codes on one note"] });
  const active = ids.length
    ? await tx
        .select({ id: reasonCodes.id })
        .from(reasonCodes)
        .where(and(inArray(reasonCodes.id, ids), eq(reasonCodes.state, "active")))
    : [];
  if (active.length !== ids.length)
    throw invalid("Choose active reason codes", { reasonCodeIds: ["Unknown code"] });
  return ids;
}
