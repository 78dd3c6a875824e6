// Import FIRST in an integration test file: points the app's database at a fresh libSQL file (or,
// with IMMERSION_TEST_DB=sqld, at a real libSQL server of its own) before any module reads env.ts,
// so the domain code under test runs exactly as in the app.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDatabaseUrl } from "./test-database";

const dir = mkdtempSync(path.join(tmpdir(), "immersion-it-"));
export const TEST_DATABASE_URL = await freshDatabaseUrl(path.join(dir, "test.db"));
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.APP_URL = "http://app.test:3000";
// Nothing listens here: closing a room is best effort and must not slow the tests down.
process.env.LIVEKIT_URL ??= "ws://127.0.0.1:9";
export const TEST_DIR = dir;

// env.ts parses process.env once, at its first import: if anything imported above reached it
// first, every test here would run on the development database. Fail loudly instead.
const { env } = await import("@/env");
if (env.DATABASE_URL !== TEST_DATABASE_URL)
  throw new Error(
    "env.ts was read before test-env.ts set DATABASE_URL: keep @/db and @/env out of its imports",
  );
