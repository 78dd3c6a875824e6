import "server-only";
// Turns a request path into the route it reached ("/i/[token]", "/sessions/[id]/room"), so logs
// and metrics name routes, never paths: a path carries personal tokens, and one label value per
// path would grow without bound. The routes come from the build's own manifest.
import { readFileSync } from "node:fs";
import path from "node:path";

type Pattern = { route: string; regex: RegExp; weight: number };

/** Routes such as "/sessions/[id]" or "/api/auth/[...nextauth]" as matchers, most specific first. */
export function compileRoutes(routes: Iterable<string>): Pattern[] {
  const out: Pattern[] = [];
  for (const route of new Set(routes)) {
    let weight = 0;
    const body = route
      .split("/")
      .filter(Boolean)
      .map((segment) => {
        // Static segments win over dynamic ones, and catch-alls come last.
        const [part, cost] = /^\[\[\.\.\..+\]\]$/.test(segment)
          ? ["(?:/.*)?", 1000]
          : /^\[\.\.\..+\]$/.test(segment)
            ? ["/.+", 100]
            : /^\[.+\]$/.test(segment)
              ? ["/[^/]+", 10]
              : [`/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, 0];
        weight += cost as number;
        return part;
      })
      .join("");
    out.push({ route, regex: new RegExp(`^${body || "/"}/?$`), weight });
  }
  return out.sort((a, b) => a.weight - b.weight || b.route.length - a.route.length);
}

export function matchRoute(patterns: Pattern[], pathname: string): string {
  if (pathname.startsWith("/_next/")) return "/_next/*";
  for (const p of patterns) if (p.regex.test(pathname)) return p.route;
  return "unmatched";
}

/** The app's routes from `.next/app-path-routes-manifest.json` (none before a build: all unmatched). */
export function loadAppRoutes(root = process.cwd()): Pattern[] {
  try {
    const file = path.join(root, ".next", "app-path-routes-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    return compileRoutes(Object.values(manifest));
  } catch {
    return [];
  }
}
