import "server-only";
// Next and the libraries we use report errors with console.error / console.warn — Next prints
// an error thrown while rendering a page with its message, and drizzle's message holds the failed
// statement's parameters (a customer's name and address were found in a log that way). In the
// server processes those two go through the logger instead: JSON, request id, scrubbed.
import { format } from "node:util";
import type { Logger } from "pino";
import { log } from "./logger";

const state = globalThis as unknown as { immersionConsoleRouted?: boolean };

export function routeConsoleToLogger(logger: Logger = log): void {
  if (state.immersionConsoleRouted) return;
  state.immersionConsoleRouted = true;
  const library = logger.child({ component: "console" });
  const route =
    (level: "error" | "warn") =>
    (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      // An Error is logged structured (safeError); the rest is formatted as console would.
      const text = format(...args.filter((a) => a !== error));
      if (error) library[level]({ err: error }, text || error.message);
      else library[level](text);
    };
  console.error = route("error");
  console.warn = route("warn");
}
