// What the file-only settings of db/connection.ts become on a real libSQL server (sqld): which have
// a server equivalent and which do not apply. Runs on its own sqld in both passes of the suite.
// See docs/decisions/011-libsql-server-in-tests.md.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTION_PRAGMAS, openClient } from "@/db/connection";
import { type Sqld, startSqld } from "../support/sqld";

let server: Sqld;
let client: Client;
const dir = mkdtempSync(path.join(tmpdir(), "immersion-server-settings-"));

beforeAll(async () => {
  server = await startSqld();
  client = openClient(server.url);
  await client.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  await client.execute(
    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))",
  );
});
afterAll(async () => {
  client?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const first = async (c: Pick<Client, "execute">, sql: string) =>
  Object.values((await c.execute(sql)).rows[0] as object)[0];

describe("a libSQL server (sqld)", () => {
  it("enforces foreign keys on every request, in transactions and batches, and a client cannot turn them off for others", async () => {
    const reads = await Promise.all(Array.from({ length: 12 }, () => first(client, "PRAGMA foreign_keys")));
    expect(new Set(reads)).toEqual(new Set([1]));
    await expect(client.execute("INSERT INTO child (parent_id) VALUES (42)")).rejects.toThrow(/FOREIGN KEY/);
    const tx = await client.transaction("write");
    await expect(tx.execute("INSERT INTO child (parent_id) VALUES (42)")).rejects.toThrow(/FOREIGN KEY/);
    await tx.rollback();
    await expect(client.batch(["INSERT INTO child (parent_id) VALUES (42)"], "write")).rejects.toThrow(
      /FOREIGN KEY/,
    );
    // Accepted, but it lasts only for that request's stream.
    await client.execute("PRAGMA foreign_keys = OFF");
    expect(await first(client, "PRAGMA foreign_keys")).toBe(1);
    await expect(client.execute("INSERT INTO child (parent_id) VALUES (42)")).rejects.toThrow(/FOREIGN KEY/);
  });

  it("runs in WAL mode and refuses the file-only settings, so openClient must never send them", async () => {
    expect(await first(client, "PRAGMA journal_mode")).toBe("wal");
    // The server fixes its own durability: NORMAL, and (measured with strace) no fsync per commit.
    expect(await first(client, "PRAGMA synchronous")).toBe(1);
    expect(await first(client, "PRAGMA secure_delete")).toBe(0);
    const refused = [
      ...CONNECTION_PRAGMAS.filter((p) => !p.includes("foreign_keys")),
      `VACUUM INTO '${path.join(dir, "copy.db")}'`,
      "PRAGMA wal_checkpoint(TRUNCATE)",
    ];
    for (const sql of refused)
      await expect(client.execute(sql), sql).rejects.toThrow(/unsupported statement/);
  });

  it("queues concurrent write transactions itself (no in-process mutex, no busy timeout): a capacity check holds", async () => {
    await client.execute("CREATE TABLE seats (id INTEGER PRIMARY KEY, who TEXT NOT NULL)");
    // Several app instances at once: each client is its own process as far as sqld knows.
    const clients = Array.from({ length: 4 }, () => openClient(server.url));
    const takeSeat = async (c: Client, who: string) => {
      const tx = await c.transaction("write");
      try {
        const taken = Number(await first(tx, "SELECT count(*) FROM seats"));
        // Yield to the event loop while holding the transaction, as a request handler would.
        await new Promise((r) => setImmediate(r));
        if (taken < 3) await tx.execute({ sql: "INSERT INTO seats (who) VALUES (?)", args: [who] });
        await tx.commit();
      } finally {
        tx.close();
      }
    };
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => takeSeat(clients[i % clients.length]!, `guest-${i}`)),
    );
    for (const c of clients) c.close();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await first(client, "SELECT count(*) FROM seats")).toBe(3);
  });

  it("backs up through its /dump endpoint (the server's VACUUM INTO), which restores into a working file", async () => {
    await client.execute("INSERT INTO parent (id) VALUES (1), (2)");
    await client.execute("INSERT INTO child (parent_id) VALUES (1), (2), (2)");
    const res = await fetch(`${server.url}/dump`);
    expect(res.status).toBe(200);
    const restored = createClient({ url: `file:${path.join(dir, "restored.db")}` });
    await restored.executeMultiple(await res.text());
    expect(await first(restored, "PRAGMA integrity_check")).toBe("ok");
    expect(await first(restored, "SELECT count(*) FROM child")).toBe(3);
    restored.close();
  });

  it("keeps erased values in its own storage: secure_delete does not apply on a server", async () => {
    // Documents the gap (docs/decisions/010): if this starts failing, sqld erases on disk and
    // the withdrawal tests can check the server's files as they check a libSQL file.
    const secret = `erase-me-${Date.now()}`;
    await client.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
    await client.execute({ sql: "INSERT INTO notes (text) VALUES (?)", args: [secret] });
    await client.execute({ sql: "UPDATE notes SET text = NULL WHERE text = ?", args: [secret] });
    expect(await first(client, "SELECT count(*) FROM notes WHERE text IS NOT NULL")).toBe(0);
    await expect(client.execute("PRAGMA secure_delete = ON")).rejects.toThrow(/unsupported statement/);
    const files = listFiles(server.dir);
    const holding = files.filter((f) => readFileSync(f).includes(Buffer.from(secret)));
    expect(holding.length).toBeGreaterThan(0);
  });
});

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
