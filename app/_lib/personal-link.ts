import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/env";
import { DomainError } from "@/server/errors";
import type { RateLimit } from "./entry/define-entry";

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

/** The token in /i/:token and /s/:token. Its format is checked where it is resolved. */
export const zLinkToken = z.strictObject({ token: z.string() });

/** Opening links is limited per address: guessing tokens must be slow. */
export const linkOpenLimit = (_: unknown, client: string): RateLimit[] => [
  { key: `link:${client}`, max: 60, windowSeconds: 60 },
];

export const readLinkToken = async (
  _body: unknown,
  _request: unknown,
  context: { params: Promise<{ token: string }> },
) => ({
  token: (await context.params).token,
});

/** An unknown, expired or rate-limited link leads a person to the page that explains it. */
export const toLinkInvalid = (error: unknown) =>
  error instanceof DomainError ? linkRedirect("/link-invalid") : undefined;
