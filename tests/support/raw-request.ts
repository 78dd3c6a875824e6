// A raw HTTP request for the hostile-post tests: fetch cannot send a chunked body without duplex
// quirks, nor time the answer.
import { request as httpRequest } from "node:http";

export type RawOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  chunkedBytes?: number;
};

/** `opts.chunkedBytes`: a body of that size sent chunked, without a Content-Length. */
export function rawRequest(
  base: string,
  path: string,
  opts: RawOptions,
): Promise<{ status: number; ms: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const url = new URL(path, base);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: opts.method ?? "POST",
        headers: opts.headers,
      },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body,
            location: res.headers.location,
          }),
        );
      },
    );
    // No answer at all within 20 s is a hang: reported as status 0, not as a test timeout.
    req.setTimeout(20_000, () => {
      resolve({ status: 0, ms: performance.now() - started, body: "no answer (hang)" });
      req.destroy();
    });
    req.on("error", (e) => {
      // The server may close while we are still sending a body it refused: that is the answer.
      if ((e as NodeJS.ErrnoException).code === "EPIPE" || (e as NodeJS.ErrnoException).code === "ECONNRESET")
        return;
      reject(e);
    });
    if (opts.chunkedBytes) {
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < opts.chunkedBytes!) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    } else req.end(opts.body);
  });
}
