import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { BodyTooLarge, readBoundedText } from "@/server/security/bounded-body";
import { isCrossSiteBrowserPost, isSameOriginPost } from "../same-origin";
import { type Entry, runEntry } from "./define-entry";
import { BodyError, toErrorResponse } from "./edge-errors";
import type { Principal } from "./resolve-actor";

type Body = "json" | "text" | "none";

/** The body, read no further than `maxBytes` even when it comes chunked without a length. */
async function readBody(request: NextRequest, kind: Body, maxBytes: number): Promise<unknown> {
  if (kind === "none") return undefined;
  let text: string;
  try {
    text = await readBoundedText(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new BodyError(413, "too_large");
    throw error;
  }
  if (kind === "text") return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, "invalid");
  }
}

/**
 * A route handler running `def` (see define-entry.ts).
 * - `csrf`: "same-origin" for a browser form's POST; "not-cross-site" for JSON that non-browser
 *   clients may send too (refuses only what a browser marks as another site's). Checked first: 403.
 * - `body`: "json" (default), "text" (the raw string, e.g. to verify a signature) or "none";
 *   larger than `maxBytes` (default 64 KiB) is a 413, by Content-Length before anything else.
 * - `read`: builds the raw input from the body, the request and the route context (default: the body).
 * - `reply`: the response for the result (default: the result as JSON, never cached).
 * - `rescue`: answers an error its own way (a page for people, e.g. a redirect) instead of the
 *   JSON status; return undefined to leave it to the common mapping.
 */
export function routeHandler<P extends Principal, S extends z.ZodType, R, C = unknown>(
  def: Entry<P, S, R>,
  opts: {
    label: string;
    csrf?: "same-origin" | "not-cross-site";
    body?: Body;
    maxBytes?: number;
    read?: (body: unknown, request: NextRequest, context: C) => unknown;
    reply?: (result: R, input: z.output<S>) => Response;
    rescue?: (error: unknown) => Response | undefined;
  },
): (request: NextRequest, context?: C) => Promise<Response> {
  const maxBytes = opts.maxBytes ?? 64 * 1024;
  return async (request, context) => {
    if (opts.csrf === "same-origin" && !isSameOriginPost(request.headers))
      return NextResponse.json({ error: "forbidden" }, { status: 403 });
    if (opts.csrf === "not-cross-site" && isCrossSiteBrowserPost(request.headers))
      return NextResponse.json({ error: "forbidden" }, { status: 403 });
    if (Number(request.headers.get("content-length") ?? 0) > maxBytes)
      return NextResponse.json({ error: "too_large" }, { status: 413 });
    try {
      const { result, input } = await runEntry(
        def,
        async () => {
          const body = await readBody(request, opts.body ?? "json", maxBytes);
          // Next always passes the route context; only direct calls (tests) leave it out.
          return opts.read ? opts.read(body, request, context as C) : body;
        },
        () => request.headers,
      );
      return opts.reply
        ? opts.reply(result, input)
        : NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return opts.rescue?.(error) ?? toErrorResponse(error, opts.label);
    }
  };
}
