// The dashboard at a million responses: every aggregate's p95 over 20 runs (budget 50 ms), and the
// dashboard page's server response against an empty staff page of the same app in the same run
// (budget 2×). Runs on the cached bench database from dashboard-data.ts.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer } from "../support/app-server";
import { launchChromium } from "../support/chromium";
import { ensureDashboardBenchDb } from "./dashboard-data";

const BUDGET_MS = 50;

function aggregates(file: string): Promise<{ name: string; p50: number; p95: number; max: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/bench/dashboard-aggregates.ts", file],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(
            out
              .split("\n")
              .filter((l) => l.startsWith("{"))
              .map((l) => JSON.parse(l)),
          )
        : reject(new Error(`dashboard aggregates exited with ${code}\n${out}`)),
    );
  });
}

async function timeGets(url: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] ?? 0;

export async function benchDashboard(): Promise<string[]> {
  const { file, report } = await ensureDashboardBenchDb();
  const out = [
    "### Data",
    ...report,
    "",
    "### Aggregates (p95 of 20 runs after 3 warm-ups; budget 50 ms)",
    "",
  ];
  out.push("| aggregate | p50 ms | p95 ms | max ms | within budget |", "|---|---:|---:|---:|---|");
  for (const a of await aggregates(file)) {
    const ref = a.name.startsWith("reference");
    out.push(
      `| ${a.name} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${a.max.toFixed(1)} | ${ref ? "(reference)" : a.p95 <= BUDGET_MS ? "yes" : "**no**"} |`,
    );
  }
  // The page through the whole app, on a copy (the app writes sign-ins and rate limits).
  const dir = mkdtempSync(path.join(tmpdir(), "immersion-bench-dash-"));
  const copy = path.join(dir, "bench.db");
  copyFileSync(file, copy);
  const app = await startAppServer({ databaseFile: copy });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${app.url}/sign-in`);
    // A facilitator sees both the dashboard and the reference page (an executive may not create sessions).
    await page.getByRole("button", { name: /Farah Facilitator/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    // Warm both (first render compiles nothing in production, but fills caches).
    await timeGets(`${app.url}/dashboard`, cookie, 3);
    await timeGets(`${app.url}/sessions/new`, cookie, 3);
    const empty = await timeGets(`${app.url}/sessions/new`, cookie, 20);
    const dash = await timeGets(`${app.url}/dashboard`, cookie, 20);
    const ratio = pct(dash, 0.5) / pct(empty, 0.5);
    // Page weight: the HTML, and the scripts it loads (the charts are SVG in the HTML; none of their code ships).
    const html = await (await fetch(`${app.url}/dashboard`, { headers: { cookie } })).text();
    const emptyHtml = await (await fetch(`${app.url}/sessions/new`, { headers: { cookie } })).text();
    const scripts = (h: string) => new Set([...h.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]));
    const own = [...scripts(html)].filter((src) => !scripts(emptyHtml).has(src));
    let ownBytes = 0;
    for (const src of own) ownBytes += (await (await fetch(`${app.url}${src}`)).arrayBuffer()).byteLength;
    out.push(
      "",
      "### The page (20 sequential GETs each, full body, same run)",
      "",
      `- empty staff page (/sessions/new): p50 ${pct(empty, 0.5).toFixed(0)} ms, p95 ${pct(empty, 0.95).toFixed(0)} ms`,
      `- /dashboard: p50 ${pct(dash, 0.5).toFixed(0)} ms, p95 ${pct(dash, 0.95).toFixed(0)} ms`,
      `- ratio of medians: ${ratio.toFixed(2)}× (budget 2×) — ${ratio <= 2 ? "within budget" : "**over budget**"}`,
      `- page weight: HTML ${(html.length / 1024).toFixed(0)} KiB (empty page ${(emptyHtml.length / 1024).toFixed(0)} KiB); scripts beyond the empty page's: ${own.length} (${(ownBytes / 1024).toFixed(1)} KiB)`,
    );
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
