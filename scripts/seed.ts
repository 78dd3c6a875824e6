// `npm run db:seed`: applies pending migrations to DATABASE_URL and fills it with the Northwind
// Energy demo company, unless it already has users. Prints one line of counts.
import { sql } from "drizzle-orm";
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import {
  actions,
  customers,
  departments,
  insights,
  invitations,
  reasonCodes,
  sessions,
  surveyResponses,
  surveys,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { env } from "@/env";

const { db, client } = openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  await migrateDatabase(db);
  const started = performance.now();
  const { created } = await seedDemo(db);
  const ms = Math.round(performance.now() - started);
  const tables = {
    staff: users,
    departments,
    customers,
    sessions,
    invitations,
    surveys,
    responses: surveyResponses,
    "reason codes": reasonCodes,
    insights,
    actions,
  };
  const counts: string[] = [];
  for (const [label, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(table);
    counts.push(`${row?.n ?? 0} ${label}`);
  }
  console.log(
    created
      ? `[seed] Northwind Energy created in ${ms} ms: ${counts.join(", ")}`
      : `[seed] demo data already present, nothing added: ${counts.join(", ")}`,
  );
} catch (error) {
  console.error("[seed] failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  client.close();
}
