// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/env";

const { db, client } = openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
await migrateDatabase(db);
client.close();
console.log("[migrate] database is up to date");
