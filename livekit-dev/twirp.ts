import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";

/** A Twirp error; the SDK reads code and msg only when the content-type is exactly application/json. */
export class TwirpError extends Error {
  constructor(
    readonly code:
      | "invalid_argument"
      | "malformed"
      | "unauthenticated"
      | "permission_denied"
      | "not_found"
      | "bad_route"
      | "failed_precondition"
      | "internal",
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return {
      invalid_argument: 400,
      malformed: 400,
      unauthenticated: 401,
      permission_denied: 403,
      not_found: 404,
      bad_route: 404,
      failed_precondition: 412,
      internal: 500,
    }[this.code];
  }
}

const jsonObject = z.record(z.string(), z.unknown());
const maxBodyBytes = 1024 * 1024;

/** Reads a Twirp JSON body: must be a JSON object (the protobuf classes then parse the fields). */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) throw new TwirpError("malformed", "body too large");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let parsed: unknown;
  try {
    parsed = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new TwirpError("malformed", "body is not JSON");
  }
  const result = jsonObject.safeParse(parsed);
  if (!result.success) throw new TwirpError("malformed", "body must be a JSON object");
  return result.data;
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(text);
}

export function writeTwirpError(res: ServerResponse, error: TwirpError): void {
  writeJson(res, error.status, { code: error.code, msg: error.message, meta: {} });
}
