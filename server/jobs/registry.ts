import "server-only";
import type { Db } from "@/db";

export type JobContext = { db: Db; jobId: string; attempt: number; workerId: string };
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

// Kept on globalThis: Next can evaluate this module more than once (hot reload, separate
// bundles), and the worker must see the handlers whichever copy registered them.
const store = globalThis as unknown as { immersionJobHandlers?: Map<string, JobHandler> };
store.immersionJobHandlers ??= new Map<string, JobHandler>();
const handlers = store.immersionJobHandlers;

/** Registers the handler for a job kind; registering again replaces it (hot reload). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** The handler for a job kind, or undefined when none is registered. */
export function getJobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

/** Thrown for a job whose kind has no handler (e.g. queued by a newer version of the app). */
export class UnknownJobKindError extends Error {
  constructor(kind: string) {
    super(`No handler registered for job kind "${kind}"`);
    this.name = "UnknownJobKindError";
  }
}
