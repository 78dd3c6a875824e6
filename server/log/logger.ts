import "server-only";
// The one logger: JSON lines on stdout (pino), one object per event, which every log collector
// reads as is. Each line carries the request id of the request it belongs to (request-context.ts),
// and every value passes through scrub.ts first. See docs/decisions/018-logs-metrics-and-database-contention.md.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/env";
import { safeError, scrubText, scrubValue } from "./scrub";

export type LogContext = { reqId: string };

const store = globalThis as unknown as { immersionLogContext?: AsyncLocalStorage<LogContext> };
/** One per process, even when Next bundles this file into several chunks. */
store.immersionLogContext ??= new AsyncLocalStorage<LogContext>();
export const logContext: AsyncLocalStorage<LogContext> = store.immersionLogContext;

/** A logger writing to `destination` (stdout by default); tests pass a stream to read it back. */
export function createLogger(destination?: DestinationStream, level: string = env.LOG_LEVEL): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Every field of every line, including the bindings of child loggers.
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      mixin: () => {
        const context = logContext.getStore();
        return context ? { reqId: context.reqId } : {};
      },
      // formatters.log has already reduced errors (scrubValue); these catch the rest.
      serializers: { err: safeErrorOnce, error: safeErrorOnce },
      hooks: {
        // The message (and printf-style arguments) are scrubbed like the fields. An error given
        // as the first argument would lend pino its raw message as the line's message: not so.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const safe =
            first instanceof Error
              ? [{ err: first }, safeError(first).message, ...rest.slice(typeof rest[0] === "string" ? 1 : 0)]
              : args.map((a) => (typeof a === "string" ? scrubText(a) : a));
          method.apply(this, safe as typeof args);
        },
      },
    },
    // process.stdout (synchronous for files and pipes on Linux): a crash loses no line, and the
    // tests read what the app logs by listening to it (tests/support/log-capture.ts).
    destination ?? process.stdout,
  );
}

const safeErrorOnce = (e: unknown) => (e instanceof Error ? safeError(e) : e);

const cache = globalThis as unknown as { immersionLogger?: Logger };

/** The process's logger. `log.child({ component: "worker" })` names where a line comes from. */
cache.immersionLogger ??= createLogger();
export const log: Logger = cache.immersionLogger;
