// `npm run db:migrate`: the release step. Applies pending migrations to DATABASE_URL; safe when
// several copies start at once (one applies, the others wait and find nothing left to do).
// Exits non-zero, with the reason, on a database that a newer release migrated.
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/env";

const { db, client } = openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  const { applied } = await migrateDatabase(db, {
    onWait: (holder) => console.log(`[migrate] waiting for ${holder}, which is migrating`),
  });
  console.log(
    applied.length
      ? `[migrate] applied ${applied.length}: ${applied.join(", ")}`
      : "[migrate] database is up to date",
  );
} catch (error) {
  // Migration statements carry no personal data, so their errors may be shown as they are.
  console.error(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  client.close();
}
