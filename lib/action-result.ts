/** What a server action called from a client component answers: its data, or one message to show. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string };
