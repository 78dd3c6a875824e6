import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { LANGUAGES } from "@/lib/domain/languages";
import { STAFF_ROLES } from "@/lib/domain/staff";

const zone = z.string().trim().refine(isValidTimeZone, "Choose a valid IANA time zone, e.g. Europe/London");
/** A form checkbox: ticked sends its value ("on"), unticked sends nothing. */
const flag = z
  .union([z.boolean(), z.string().max(8)])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

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

/**
 * The company settings form as it arrives: strings and the language list, unparsed. The domain
 * (update-company-settings.ts) parses it with zCompanySettings, whose output (null for an empty
 * logo) would not parse a second time.
 */
export const zCompanySettingsForm = z.strictObject({
  name: z.string().max(200),
  logoUrl: z.string().max(600),
  currency: z.string().max(10),
  supportPhone: z.string().max(60),
  defaultLanguages: z.array(z.string().max(10)).max(10),
  surveyFrequencyCapDays: z.string().max(10),
  retentionMonths: z.string().max(10),
});

const optionalUser = z
  .union([z.uuid(), z.literal("")])
  .optional()
  .transform((v) => v || null);

/** An admin creates a department (no id) or renames it and names its head (id). */
export const zSaveDepartment = z.strictObject({
  departmentId: z.union([z.uuid(), z.literal("")]).optional(),
  name: z.string().trim().min(1, "Give the department a name").max(120),
  headId: optionalUser,
});

/** An admin adds a staff member to a department, makes them an owner, or takes them out. */
export const zDepartmentMember = z.strictObject({
  departmentId: z.uuid(),
  userId: z.uuid("Choose a staff member"),
  membership: z.enum(["member", "owner", "none"], "Choose member, owner or remove"),
});

/** A staff member sets their own time zone and language preference. */
export const zOwnProfile = z.strictObject({
  timeZone: zone,
  language: z.enum(LANGUAGES, "Choose English, Chinese or Vietnamese"),
});
