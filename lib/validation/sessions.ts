import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";

export const zTimeZone = z.string().refine(isValidTimeZone, "Choose a valid time zone");

export const zCreateSession = z.strictObject({
  title: z.string().trim().min(3, "Give the session a title of at least 3 characters").max(200),
  description: z.string().trim().max(4000).default(""),
  format: z.enum(["story_circle", "panel", "speed_dating", "mass_online"]),
  startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  timeZone: zTimeZone,
  durationMinutes: z.coerce
    .number()
    .int()
    .min(10, "At least 10 minutes")
    .max(480, "At most 8 hours")
    .default(45),
  seats: z.coerce.number().int().min(1, "At least one seat").max(500).default(10),
  observersHidden: z.boolean().default(true),
});
export type CreateSessionInput = z.infer<typeof zCreateSession>;

export const zInviteCustomers = z.strictObject({
  sessionId: z.uuid(),
  customerIds: z.array(z.uuid()).min(1, "Choose at least one customer").max(500),
});

export const zSessionId = z.strictObject({ sessionId: z.uuid() });

export const zRescheduleSession = z.strictObject({
  sessionId: z.uuid(),
  startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  timeZone: zTimeZone,
  durationMinutes: z.coerce.number().int().min(10, "At least 10 minutes").max(480, "At most 8 hours"),
});
export type RescheduleSessionInput = z.input<typeof zRescheduleSession>;

export const zCancelSession = z.strictObject({ sessionId: z.uuid() });

export const zCorrectAttendance = z.strictObject({
  sessionId: z.uuid(),
  invitationId: z.uuid(),
  status: z.enum(["attended", "no_show"]),
});

/** Invite everyone with a tag and/or in a segment; at least one of the two. */
export const zInviteAudience = z
  .strictObject({
    sessionId: z.uuid(),
    tag: z.string().trim().max(64).default(""),
    segment: z.string().trim().max(64).default(""),
  })
  .refine((v) => v.tag !== "" || v.segment !== "", { message: "Choose a tag or a segment", path: ["tag"] });
