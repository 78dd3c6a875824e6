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

/** True for the unique-index violation on customers.email, however drizzle wraps the driver error. */
export function isDuplicateEmail(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: customers\.email/.test(e.message)) return true;
  }
  return false;
}
