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

// No check that env.ts is still unread here: importing it would parse the environment now, before
// the test files that set LIVEKIT_URL and the like after this module. Keep @/db and @/env out of
// this module's imports (test-database.ts imports @/db lazily for that reason).
