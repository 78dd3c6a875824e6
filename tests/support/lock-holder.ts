// Another process holding a libSQL file's write lock, as the worker, a second app instance or a
// backup would: a child process of plain Node opens the file with the native driver, runs
// BEGIN IMMEDIATE and keeps the lock until release() (then COMMIT) or close() (then it dies).
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const HOLDER = `
const Database = require(process.env.LIBSQL_MODULE);
const db = new Database(process.env.DB_FILE);
db.exec("PRAGMA busy_timeout = 5000");
db.exec("BEGIN IMMEDIATE");
db.exec("CREATE TABLE IF NOT EXISTS lock_holder_marks (id INTEGER PRIMARY KEY)");
process.stdout.write("locked\\n");
process.stdin.once("data", () => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\\n");
  process.exit(0);
});
`;

export type LockHolder = { release(): Promise<void>; close(): void };

/** Resolves once the other process holds the write lock of `file`. */
export async function holdWriteLock(file: string): Promise<LockHolder> {
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  const libsql = createRequire(fromRoot.resolve("@libsql/client")).resolve("libsql");
  const child: ChildProcess = spawn(process.execPath, ["-e", HOLDER], {
    env: { ...process.env, LIBSQL_MODULE: libsql, DB_FILE: file },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      let out = "";
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes(word)) {
          child.stdout?.off("data", onData);
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.once("exit", (code) => reject(new Error(`lock holder exited (${code}) before "${word}"`)));
    });
  await said("locked");
  return {
    async release() {
      const released = said("released");
      child.stdin?.write("go\n");
      await released;
    },
    close() {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
