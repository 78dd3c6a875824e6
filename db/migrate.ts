import { mkdirSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./index";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Creates the folder of a `file:` database and applies every pending migration. */
export async function migrateDatabase(db: Db, url: string): Promise<void> {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0] ?? "";
    if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
