import * as z from "zod/mini";
import { MODERATION_CATEGORIES, MODERATION_STEPS } from "./moderation";

/** One step of the moderation log as staff see it: who was warned or removed, why, by whom. */
export const zModerationEntry = z.object({
  id: z.string(),
  sessionId: z.string(),
  invitationId: z.string(),
  customerId: z.string(),
  step: z.enum(MODERATION_STEPS),
  category: z.enum(MODERATION_CATEGORIES),
  note: z.string(),
  actedById: z.string(),
  actedByName: z.string(),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
});
export type ModerationEntry = z.infer<typeof zModerationEntry>;
