import "server-only";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import { reasonCodeRollups } from "@/db/schema";
import { bucketStart, type RollupGrain } from "@/lib/domain/rollups";

export function reasonCodeRollupWhere(
  grain: RollupGrain,
  department: string | undefined,
  fromMs: number,
  toMs: number,
): SQL | undefined {
  return and(
    eq(reasonCodeRollups.grain, grain),
    gte(reasonCodeRollups.bucket, bucketStart(grain, fromMs)),
    lt(reasonCodeRollups.bucket, toMs),
    department ? eq(reasonCodeRollups.departmentId, department) : undefined,
  );
}
