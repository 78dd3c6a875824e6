import "server-only";
import type { Customer } from "@/db/schema";

/**
 * What staff see of a customer. Accessibility notes are left out of the object entirely (not set
 * to null) for roles that may not see them, so nothing downstream can leak them by accident.
 */
export function toCustomerDto(c: Customer, seesNeeds: boolean) {
  return {
    id: c.id,
    name: c.name ?? "",
    preferredName: c.preferredName,
    email: c.email ?? "",
    phone: c.phone,
    language: c.language,
    timeZone: c.timeZone,
    tags: c.tags,
    segment: c.segment,
    contactPreference: c.contactPreference,
    createdAt: c.createdAt,
    ...(seesNeeds ? { accessibilityNotes: c.accessibilityNotes } : {}),
  };
}

export type CustomerDto = ReturnType<typeof toCustomerDto>;

/** A stable pseudonym from the customer's id: the same person is the same guest on every page. */
export const pseudonymOf = (customerId: string) => `Guest ${customerId.slice(0, 4).toUpperCase()}`;

/** The record as a role without need-to-know sees it: a pseudonym, no contact details or needs. */
export function toPseudonymousDto(c: Customer) {
  const { accessibilityNotes: _notes, ...rest } = toCustomerDto(c, false) as CustomerDto & {
    accessibilityNotes?: unknown;
  };
  const dto = {
    ...rest,
    name: pseudonymOf(c.id),
    preferredName: null,
    email: "",
    phone: null,
    pseudonymous: true as const,
  };
  // The key is absent at run time; the type says so, so callers can test for it either way.
  return dto as typeof dto & { accessibilityNotes?: undefined };
}

/** True for the unique-index violation on customers.email, however drizzle wraps the driver error. */
export function isDuplicateEmail(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: customers\.email/.test(e.message)) return true;
  }
  return false;
}
