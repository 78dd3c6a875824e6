// What the app logs (server/log/logger.ts writes JSON lines to process.stdout), captured for a
// test: each line parsed, and nothing printed meanwhile.
import { vi } from "vitest";

export type LogLine = { level: string; msg: string; component?: string; [key: string]: unknown };

export function captureLogs() {
  const raw: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    raw.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  });
  const lines = () =>
    raw
      .join("")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  return { lines, text: () => raw.join(""), restore: () => spy.mockRestore() };
}
