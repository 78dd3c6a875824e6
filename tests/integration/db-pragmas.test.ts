import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db";
import { BUSY_TIMEOUT_MS } from "@/db/connection";

const dir = mkdtempSync(path.join(tmpdir(), "immersion-pragmas-"));
const { client } = openDb(`file:${path.join(dir, "p.db")}`);
afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readPragmas(exec: (sql: string) => Promise<{ rows: unknown[] }>) {
  const one = async (name: string) => Object.values((await exec(`PRAGMA ${name}`)).rows[0] as object)[0];
  return {
    journal: await one("journal_mode"),
    synchronous: await one("synchronous"),
    foreignKeys: await one("foreign_keys"),
    secureDelete: await one("secure_delete"),
    busyTimeout: await one("busy_timeout"),
  };
}

const expected = {
  journal: "wal",
  synchronous: 2,
  foreignKeys: 1,
  secureDelete: 1,
  busyTimeout: BUSY_TIMEOUT_MS,
};

describe("every libSQL connection", () => {
  it("has WAL, synchronous=FULL, foreign keys, secure_delete and a busy timeout", async () => {
    expect(await readPragmas((sql) => client.execute(sql))).toEqual(expected);
  });

  it("keeps them on connections opened for transactions and under concurrency", async () => {
    // Hold several transactions open at once so the pool must open new connections.
    const txs = await Promise.all(Array.from({ length: 6 }, () => client.transaction("read")));
    const seen = await Promise.all(txs.map((tx) => readPragmas((sql) => tx.execute(sql))));
    await Promise.all(txs.map((tx) => tx.rollback()));
    for (const s of seen) expect(s).toEqual(expected);
    const concurrent = await Promise.all(
      Array.from({ length: 20 }, () => readPragmas((sql) => client.execute(sql))),
    );
    for (const s of concurrent) expect(s).toEqual(expected);
  });

  it("enforces foreign keys inside a transaction on a fresh connection", async () => {
    await client.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    await client.execute(
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))",
    );
    const held = await Promise.all(Array.from({ length: 3 }, () => client.transaction("read")));
    const tx = await client.transaction("write");
    await expect(tx.execute("INSERT INTO child (parent_id) VALUES (42)")).rejects.toThrow(/FOREIGN KEY/);
    await tx.rollback();
    await Promise.all(held.map((h) => h.rollback()));
  });
});
