import "server-only";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./index";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies every pending migration (the file's folder was made when the client opened it). */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
