import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/env";
import { DomainError, notFound } from "@/server/errors";
import { entry } from "./entry/define-entry";
import { routeHandler } from "./entry/route-handler";

// Opening a personal link (/i/:token, /s/:token): the pieces both link routes share.

/**
 * The answer to opening a personal link: a 303 to `path`, with the token kept out of the
 * Referer of whatever the next page loads, and out of every cache.
 */
export function linkRedirect(path: string): NextResponse {
  const response = NextResponse.redirect(new URL(path, env.APP_URL), 303);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * GET handler exchanging a personal link's token for a cookie (`setCookies`) and a redirect to
 * `to`. Opening a link changes nothing else: mail scanners open links. Opening links is limited
 * per address (guessing tokens must be slow); an unknown, expired or rate-limited link leads to
 * the page that explains it.
 */
export function linkExchange<T>(opts: {
  label: string;
  resolve: (token: string) => Promise<T | null>;
  to: string;
  setCookies: (response: NextResponse, found: T, token: string) => void;
}) {
  return routeHandler(
    entry({
      actor: "none",
      // The token's format is checked where it is resolved.
      input: z.strictObject({ token: z.string() }),
      limit: (_, client) => [{ key: `link:${client}`, max: 60, windowSeconds: 60 }],
      run: async ({ input }) => {
        const found = await opts.resolve(input.token);
        if (!found) throw notFound();
        return found;
      },
    }),
    {
      label: opts.label,
      body: "none",
      read: async (_body, _request, context: { params: Promise<{ token: string }> }) => ({
        token: (await context.params).token,
      }),
      reply: (found, { token }) => {
        const response = linkRedirect(opts.to);
        opts.setCookies(response, found, token);
        return response;
      },
      // Too many links opened from one place says nothing about this link: "try again in a
      // minute", not "not valid".
      rescue: (error) => {
        if (!(error instanceof DomainError)) return undefined;
        if (error.code !== "rate_limited") return linkRedirect("/link-invalid");
        const busy = linkRedirect("/link-busy");
        busy.headers.set(
          "Retry-After",
          String((error as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60),
        );
        return busy;
      },
    },
  );
}
