import "server-only";
import { desc } from "drizzle-orm";
import { db } from "@/db";
import { insights } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** Insight titles, newest first: what a selection of notes can be added to. */
export async function listInsightTitles(actor: Actor, limit = 300) {
  assertCan(actor, "insight.read");
  return db
    .select({ id: insights.id, title: insights.title })
    .from(insights)
    .orderBy(desc(insights.createdAt), desc(insights.id))
    .limit(limit);
}
