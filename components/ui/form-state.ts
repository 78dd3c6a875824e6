export type FormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;
