export type FormState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;

/** What the enclosing ActionForm tells its buttons while its action runs. */
export type FormPending = {
  pending: boolean;
  /** The button that started the run (its spinner shows); null when Enter in a field submitted. */
  submitter: Element | null;
};

/** Marks a field's wrapper so the form can find, name and focus it when the server flags it. */
export const FIELD_ATTR = "data-field";
/** Marks the element whose text names the field (its label or legend). */
export const FIELD_LABEL_ATTR = "data-field-label";
