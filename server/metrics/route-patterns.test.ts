import { describe, expect, it } from "vitest";
import { compileRoutes, matchRoute } from "./route-patterns";

describe("route patterns", () => {
  const routes = compileRoutes([
    "/",
    "/sessions",
    "/sessions/new",
    "/sessions/[id]",
    "/sessions/[id]/room",
    "/i/[token]",
    "/api/auth/[...nextauth]",
    "/api/ping",
  ]);

  it("names the route a path reached, static segments before dynamic ones", () => {
    expect(matchRoute(routes, "/")).toBe("/");
    expect(matchRoute(routes, "/sessions/new")).toBe("/sessions/new");
    expect(matchRoute(routes, "/sessions/0d5f7c1e")).toBe("/sessions/[id]");
    expect(matchRoute(routes, "/sessions/0d5f7c1e/room")).toBe("/sessions/[id]/room");
    expect(matchRoute(routes, "/api/auth/callback/oidc")).toBe("/api/auth/[...nextauth]");
    expect(matchRoute(routes, "/api/ping/")).toBe("/api/ping");
  });

  it("never returns the path itself: a token stays out, unknown paths share one label", () => {
    expect(matchRoute(routes, "/i/q3Zb1pX0cVn8yL2mK7wR5tA9sD4fG6hJ1kL0zX8cV2b")).toBe("/i/[token]");
    expect(matchRoute(routes, "/wp-login.php")).toBe("unmatched");
    expect(matchRoute(routes, "/_next/static/chunks/main.js")).toBe("/_next/*");
  });
});
