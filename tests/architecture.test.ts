// The house rules of docs/conventions.md, read from the code itself: every import of every source
// file is resolved to a file, and the build fails when an import runs the wrong way between
// folders, when two files import each other in a circle, or when a server/ or db/ module does not
// start with `import "server-only"`. Exceptions are listed below, each with its reason.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The folders whose files form the import graph (tests may reach anything, so they are left out). */
const SOURCE_DIRS = ["app", "components", "server", "lib", "db", "scripts", "livekit-dev", "mail-catcher"];
const ROOT_FILES = ["env.ts", "proxy.ts", "instrumentation.ts", "next.config.ts"];

/**
 * Which folders each folder may import from. Anything not listed is a wrong-way import:
 * app → server → db, everything → lib, and lib at the bottom importing nothing of ours but the
 * translation files. `env` is env.ts (the one reader of process.env); `entry` the framework's own
 * entry files at the top (instrumentation.ts, proxy.ts, next.config.ts).
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  app: ["app", "components", "server", "lib", "messages", "env"],
  components: ["components", "lib", "messages"],
  server: ["server", "db", "lib", "messages", "env", "mail-catcher"],
  lib: ["lib", "messages"],
  db: ["db", "lib", "env"],
  // Command-line entry points start the parts; they are the top of their own stack.
  scripts: ["scripts", "server", "db", "lib", "env", "livekit-dev", "mail-catcher"],
  // Development servers stand alone: the app talks to them over the network (or reads their files).
  "livekit-dev": ["livekit-dev"],
  "mail-catcher": ["mail-catcher"],
  env: ["env"],
  entry: ["entry", "env", "server", "lib"],
};

/**
 * Files of server/ or db/ allowed to do without `import "server-only"`, because something that is
 * not a React Server environment loads them, and there the package throws on import.
 */
const WITHOUT_SERVER_ONLY: Record<string, string> = {
  "db/schema/*":
    "drizzle-kit loads the schema (drizzle.config.ts) with its own loader, without the react-server condition",
  "server/auth/policy.ts":
    "`npx tsx scripts/render-policy.ts` renders docs/authorization.md from it without the react-server condition",
  "server/auth/policy-doc.ts": "the same script: it is the renderer",
};

const exempt = (file: string) =>
  Object.keys(WITHOUT_SERVER_ONLY).some((p) =>
    p.endsWith("/*") ? path.dirname(file) === p.slice(0, -2) : p === file,
  );

function walk(dir: string): string[] {
  if (!existsSync(path.join(ROOT, dir))) return [];
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (name === "node_modules" || name === "migrations") return [];
    return statSync(path.join(ROOT, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

const isSource = (f: string) => /\.(ts|tsx|mts)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts");

const sourceFiles = [...SOURCE_DIRS.flatMap(walk), ...ROOT_FILES].filter(isSource).sort();

/** The folder a file belongs to; env.ts and the framework's entry files beside it are layers of their own. */
const layerOf = (file: string) =>
  file.includes("/") ? file.split("/")[0]! : file === "env.ts" ? "env" : "entry";

const CANDIDATES = ["", ".ts", ".tsx", ".mts", ".json", "/index.ts", "/index.tsx"];

/** The file an import names, relative to the root, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const ext of CANDIDATES) {
    const p = base + ext;
    try {
      if (statSync(path.join(ROOT, p)).isFile()) return p;
    } catch {
      // not this candidate
    }
  }
  throw new Error(`${from}: cannot resolve "${spec}"`);
}

type Imports = { specs: string[]; targets: string[]; firstImport: string | undefined };

/** Every static and literal dynamic import, `import type` and `export … from` included. */
function importsOf(file: string): Imports {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const targets = specs.map((s) => resolve(file, s)).filter((t): t is string => t !== null);
  return { specs, targets, firstImport: specs[0] };
}

const graph = new Map(sourceFiles.map((f) => [f, importsOf(f)]));

/** Circles in a graph: strongly connected components of two or more nodes, or a node importing itself. */
function circlesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || edges.get(v)?.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const fileEdges = new Map([...graph].map(([file, { targets }]) => [file, targets]));

/** The same graph drawn between folders (an arrow wherever one file imports a file of another). */
const folderEdges = new Map<string, string[]>();
for (const [file, targets] of fileEdges) {
  const from = layerOf(file);
  const to = folderEdges.get(from) ?? [];
  for (const t of targets) if (layerOf(t) !== from && !to.includes(layerOf(t))) to.push(layerOf(t));
  folderEdges.set(from, to);
}

describe("architecture", () => {
  it("reads a graph of the whole tree", () => {
    // Guards the test itself: a glob that matched nothing would pass every rule below.
    for (const dir of ["app", "components", "server", "lib", "db"])
      expect(sourceFiles.filter((f) => layerOf(f) === dir).length).toBeGreaterThan(5);
  });

  it("has no import running the wrong way between folders", () => {
    const wrong: string[] = [];
    for (const [file, { targets }] of graph)
      for (const target of targets)
        if (!MAY_IMPORT[layerOf(file)]?.includes(layerOf(target)))
          wrong.push(`${file} → ${target} (${layerOf(file)} may not import ${layerOf(target)})`);
    expect(wrong).toEqual([]);
  });

  it("has no circle of imports between files", () => {
    expect(circlesOf(fileEdges).map((c) => c.join(" ⇄ "))).toEqual([]);
  });

  it("has no circle between folders", () => {
    expect(circlesOf(folderEdges).map((c) => c.join(" ⇄ "))).toEqual([]);
  });

  it('starts every server/ and db/ module with import "server-only" (listed exceptions aside)', () => {
    const missing = [...graph]
      .filter(([file]) => ["server", "db"].includes(layerOf(file)) && !exempt(file))
      .filter(([, imports]) => imports.firstImport !== "server-only")
      .map(([file]) => file);
    expect(missing).toEqual([]);
  });

  it("lists no exception that is not needed", () => {
    const stale = Object.keys(WITHOUT_SERVER_ONLY).filter(
      (p) =>
        !sourceFiles.some((f) => exempt(f) && (p.endsWith("/*") ? f.startsWith(p.slice(0, -1)) : f === p)),
    );
    const needless = [...graph]
      .filter(([file, imports]) => exempt(file) && imports.firstImport === "server-only")
      .map(([file]) => file);
    expect({ stale, needless }).toEqual({ stale: [], needless: [] });
  });

  it("keeps env.ts unread until test-env.ts has set DATABASE_URL (no value import of @/db or @/env on its way)", () => {
    // env.ts parses process.env once; a static import reaching it from test-env.ts would point
    // every integration test at the development database (it did, once: test-database.ts).
    const early = [
      "tests/support/test-env.ts",
      "tests/support/test-database.ts",
      "tests/support/sqld.ts",
    ].filter((f) =>
      /^import (?!type )[^;]*from "@\/(db|env)[/"]/m.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(early).toEqual([]);
  });
});
