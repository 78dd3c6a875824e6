import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { STAFF_ROLES } from "@/lib/domain/staff";

const zone = z.string().trim().refine(isValidTimeZone, "Choose a valid IANA time zone, e.g. Europe/London");
/** A form checkbox: "on" when ticked, absent when not. */
const flag = z
  .enum(["on", "true", "false", ""])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** An admin invites a staff member by email. */
export const zCreateUser = z.strictObject({
  email: z.email("A work email address").trim().toLowerCase().max(320),
  name: z.string().trim().min(1, "Give their name").max(120),
  role: z.enum(STAFF_ROLES, "Choose a role"),
  timeZone: zone,
  trainedForVulnerable: flag,
});

/** An admin changes a staff member's role, zone, training or access. */
export const zUpdateUser = z.strictObject({
  userId: z.uuid(),
  role: z.enum(STAFF_ROLES, "Choose a role"),
  timeZone: zone,
  trainedForVulnerable: flag,
  active: flag,
});

export const zAuditFilter = z.strictObject({
  resourceType: z.string().trim().max(40).optional(),
  resourceId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(60).optional(),
});
