import "server-only";
import type { Language } from "@/lib/domain/languages";
import type { StaffRole } from "@/lib/domain/staff";

export type StaffActor = {
  kind: "staff";
  userId: string;
  role: StaffRole;
  name: string;
  email: string;
  timeZone: string;
  /** Their language preference; dates are written in its conventions (LOCALE_TAGS). */
  language: Language;
  /** Departments this person belongs to; owners work the department's actions. */
  departments: { id: string; isOwner: boolean }[];
};

/** A customer holding a personal invitation link (no account). */
export type CustomerActor = { kind: "customer"; invitationId: string; customerId: string; sessionId: string };

/** A customer holding a survey link. */
export type RespondentActor = { kind: "respondent"; surveyId: string; sessionId: string };

export type Actor = StaffActor | CustomerActor | RespondentActor | { kind: "anonymous" };

export const anonymous: Actor = { kind: "anonymous" };
