import "server-only";

/** A request body longer than its bound: read no further, answer 413. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`body over ${maxBytes} bytes`);
    this.name = "BodyTooLarge";
  }
}

/**
 * Reads at most `maxBytes` of a request body and decodes it as UTF-8. A declared Content-Length
 * over the bound is refused before reading; a chunked body (no length) is read chunk by chunk and
 * the stream cancelled as soon as it passes the bound, so a 10 MB post costs 10 MB of nothing.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLarge(maxBytes);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
