import "server-only";
import {
  type Actor,
  anonymous,
  type CustomerActor,
  type RespondentActor,
  type StaffActor,
} from "@/server/auth/actor";
import { notFound, unauthenticated } from "@/server/errors";

/**
 * Who an entry is for. `staff`: a signed-in staff member, else 401. `invitee` / `respondent`: the
 * customer behind the invitation or survey cookie, else 404 (a link is never confirmed to exist).
 * `anyone`: staff, else the invitee, else anonymous, and the domain decides. `none`: no lookup at
 * all (a webhook proves itself by its signature).
 */
export type Principal = "staff" | "invitee" | "respondent" | "anyone" | "none";

export type ActorOf<P extends Principal> = {
  staff: StaffActor;
  invitee: CustomerActor;
  respondent: RespondentActor;
  anyone: Actor;
  none: Actor;
}[P];

// Each lookup is imported when first needed, so an entry that needs no principal (the webhook)
// never loads Auth.js or the cookie readers; after the first call the import is a cache hit.
const staffOf = async () => (await import("@/server/auth/staff")).currentStaff();
const inviteeOf = async () => (await import("@/server/auth/invitee")).currentInvitee();
const respondentOf = async () => (await import("@/server/surveys/resolve-survey")).currentRespondent();

/** Looks the actor up once per call (each lookup is cached for the request). */
export async function resolveActor<P extends Principal>(principal: P): Promise<ActorOf<P>> {
  return (await lookUp(principal)) as ActorOf<P>;
}

async function lookUp(principal: Principal): Promise<Actor> {
  switch (principal) {
    case "staff": {
      const staff = await staffOf();
      if (!staff) throw unauthenticated();
      return staff;
    }
    case "invitee": {
      const found = await inviteeOf();
      if (!found) throw notFound();
      return found.actor;
    }
    case "respondent": {
      const found = await respondentOf();
      if (!found) throw notFound();
      return found.actor;
    }
    case "anyone":
      return (await staffOf()) ?? (await inviteeOf())?.actor ?? anonymous;
    case "none":
      return anonymous;
  }
}
