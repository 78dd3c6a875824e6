import "server-only";
import type { Session } from "@/db/schema";
import type { StaffActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { pseudonymOf } from "@/server/customers/customer-dto";

/**
 * Need-to-know in the room (issue 13): the session's facilitator and admins see the guests'
 * names; every other attending staff member sees the same stable pseudonym ("Guest 3F2A") the
 * customer record shows them. Whoever sees names has it audited (the staff room view does).
 */
export function guestNamer(actor: StaffActor, session: Pick<Session, "facilitatorId">) {
  const seesNames = can(actor, "room.guest_names", { sessionFacilitatorId: session.facilitatorId });
  return {
    seesNames,
    name: (customerId: string, name: string | null) =>
      seesNames ? name || "Guest" : pseudonymOf(customerId),
  };
}
