import { z } from "zod";
import { ACCOMMODATIONS } from "@/lib/domain/accommodations";

const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

/** The customer's answer on the invitation page: separate consents, accommodations, decision. */
export const zInvitationResponse = z.strictObject({
  decision: z.enum(["accept", "decline"]),
  participate: checkbox,
  quoteAnonymously: checkbox,
  record: checkbox,
  contactAfter: checkbox,
  accommodations: z.array(z.enum(ACCOMMODATIONS)).max(ACCOMMODATIONS.length).default([]),
  accommodationOther: z.string().max(1000).default(""),
});
export type InvitationResponseInput = z.infer<typeof zInvitationResponse>;

/** One invitation of one session, as staff address it from the RSVP board. */
export const zInvitationRef = z.strictObject({ sessionId: z.uuid(), invitationId: z.uuid() });
