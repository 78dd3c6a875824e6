import "server-only";

/**
 * Recurring work: a cron pattern (UTC) and the job kind queued at each of its slots. The job's
 * payload is `{ at }`, the slot's instant as ISO text, which handlers use as their "now": a slot
 * run late (after a restart, a backlog) still does the work of its own time, and tests drive it.
 */
export type RecurringTask = {
  /** Stable name: part of every dedupe key (`cron:<name>:<slot>`), so never rename a live one. */
  name: string;
  /** Five-field cron pattern, evaluated in UTC (croner syntax). */
  pattern: string;
  jobKind: string;
  maxAttempts?: number;
};

// On globalThis for the same reason as the job handlers (registry.ts): Next may evaluate this
// module more than once, and the worker must see every task whichever copy registered it.
const store = globalThis as unknown as { immersionRecurringTasks?: Map<string, RecurringTask> };
store.immersionRecurringTasks ??= new Map<string, RecurringTask>();
const tasks = store.immersionRecurringTasks;

/** Registers a recurring task; registering a name again replaces it (hot reload). */
export function registerRecurringTask(task: RecurringTask): void {
  tasks.set(task.name, task);
}

export function recurringTasks(): RecurringTask[] {
  return [...tasks.values()];
}
