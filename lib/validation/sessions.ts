import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { PAYOUT_STATUSES } from "@/lib/domain/invitations";
import { ATTENDING_ROOM_ROLES } from "@/lib/domain/room-roles";
import {
  SESSION_TEXT_FIELDS,
  type SessionTranslations,
  TRANSLATED_LANGUAGES,
} from "@/lib/domain/session-texts";
import { INCENTIVE_PAYERS, SESSION_FORMATS } from "@/lib/domain/sessions";
import { toMinorUnits } from "@/lib/money";

export const zTimeZone = z.string().refine(isValidTimeZone, "Choose a valid time zone");

/** An empty form field means "not set". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(blank, z.coerce.number().int(message).min(min, message).max(max, message).optional());

/**
 * What a facilitator can set on a session besides its time: format (with speed-dating tables and
 * round length), seats, visibility, recording, host, incentive. Shared by create and edit.
 */
const zSessionFields = z.strictObject({
  title: z.string().trim().min(3, "Give the session a title of at least 3 characters").max(200),
  description: z.string().trim().max(4000).default(""),
  agenda: z.string().trim().max(4000).default(""),
  // The same texts for Chinese- and Vietnamese-speaking customers (empty: they see the English).
  title_zh: z.string().trim().max(200).default(""),
  description_zh: z.string().trim().max(4000).default(""),
  agenda_zh: z.string().trim().max(4000).default(""),
  title_vi: z.string().trim().max(200).default(""),
  description_vi: z.string().trim().max(4000).default(""),
  agenda_vi: z.string().trim().max(4000).default(""),
  format: z.enum(SESSION_FORMATS),
  durationMinutes: z.coerce
    .number()
    .int()
    .min(10, "At least 10 minutes")
    .max(480, "At most 8 hours")
    .default(45),
  seats: z.coerce.number().int().min(1, "At least one seat").max(500).default(10),
  observersHidden: z.boolean().default(true),
  recordingEnabled: z.boolean().default(false),
  hostOrganisation: z.preprocess(blank, z.string().trim().max(200).optional()),
  tableCount: optionalInt(2, 20, "Between 2 and 20 tables"),
  roundMinutes: optionalInt(3, 60, "Between 3 and 60 minutes"),
  /** Decimal amount as typed ("25" or "25.50"); stored in minor units. */
  incentiveAmount: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{1,7}(\.\d{1,2})?$/, "An amount such as 25 or 25.50")
      .optional(),
  ),
  incentiveCurrency: z.preprocess(
    (v) => (typeof v === "string" ? blank(v.toUpperCase()) : v),
    z
      .string()
      .regex(/^[A-Z]{3}$/, "A three-letter currency code such as GBP")
      .optional(),
  ),
  incentivePaidBy: z.preprocess(blank, z.enum(INCENTIVE_PAYERS).optional()),
});

type Fields = z.infer<typeof zSessionFields>;

const isCurrency = (code: string) => Intl.supportedValuesOf("currency").includes(code);

/** Rules across fields, with the message on the field to fix. */
function crossCheck(v: Fields, ctx: z.RefinementCtx) {
  if (v.format === "speed_dating") {
    if (v.tableCount === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["tableCount"],
        message: "Speed dating needs a number of tables",
      });
    if (v.roundMinutes === undefined)
      ctx.addIssue({ code: "custom", path: ["roundMinutes"], message: "Speed dating needs a round length" });
    if (v.tableCount && v.roundMinutes && v.tableCount * v.roundMinutes > v.durationMinutes)
      ctx.addIssue({
        code: "custom",
        path: ["roundMinutes"],
        message: "All rounds must fit in the session: tables × round length ≤ length",
      });
  }
  if (v.incentiveAmount !== undefined && v.incentiveCurrency === undefined)
    ctx.addIssue({ code: "custom", path: ["incentiveCurrency"], message: "Say which currency" });
  if (v.incentiveCurrency !== undefined && !isCurrency(v.incentiveCurrency))
    ctx.addIssue({ code: "custom", path: ["incentiveCurrency"], message: "Not a known currency code" });
  if (v.incentiveAmount !== undefined && v.incentivePaidBy === undefined)
    ctx.addIssue({ code: "custom", path: ["incentivePaidBy"], message: "Say who pays the incentive" });
  if (v.incentivePaidBy === "host" && !v.hostOrganisation)
    ctx.addIssue({
      code: "custom",
      path: ["hostOrganisation"],
      message: "Name the host organisation that pays",
    });
}

export const zSessionDetails = zSessionFields.superRefine(crossCheck);
export type SessionDetailsInput = z.input<typeof zSessionDetails>;

export const zCreateSession = zSessionFields
  .extend({
    startsAtLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
    timeZone: zTimeZone,
    /** A draft is not announced: nobody can be invited until it is scheduled. */
    saveAs: z.enum(["draft", "scheduled"]).default("scheduled"),
  })
  .superRefine(crossCheck);
export type CreateSessionInput = z.input<typeof zCreateSession>;

export const zUpdateSession = zSessionFields.extend({ sessionId: z.uuid() }).superRefine(crossCheck);
export type UpdateSessionInput = z.input<typeof zUpdateSession>;

/** The translated texts given, without empty ones (those fall back to English). */
function translationsOf(v: Fields): SessionTranslations {
  const out: SessionTranslations = {};
  for (const lang of TRANSLATED_LANGUAGES) {
    const texts = Object.fromEntries(
      SESSION_TEXT_FIELDS.map((f) => [f, v[`${f}_${lang}`]] as const).filter(([, t]) => t !== ""),
    );
    if (Object.keys(texts).length) out[lang] = texts;
  }
  return out;
}

/** The columns a validated form maps to (format extras cleared when the format has none). */
export function sessionColumns(v: Fields) {
  const speed = v.format === "speed_dating";
  const incentive = v.incentiveAmount !== undefined;
  return {
    title: v.title,
    description: v.description,
    agenda: v.agenda,
    translations: translationsOf(v),
    format: v.format,
    durationMinutes: v.durationMinutes,
    seats: v.seats,
    observersHidden: v.observersHidden,
    recordingEnabled: v.recordingEnabled,
    hostOrganisation: v.hostOrganisation ?? null,
    tableCount: speed ? (v.tableCount ?? null) : null,
    roundMinutes: speed ? (v.roundMinutes ?? null) : null,
    incentiveAmountMinor:
      incentive && v.incentiveCurrency ? toMinorUnits(v.incentiveAmount ?? "0", v.incentiveCurrency) : null,
    incentiveCurrency: incentive ? (v.incentiveCurrency ?? null) : null,
    incentivePaidBy: incentive ? (v.incentivePaidBy ?? null) : null,
  };
}

/** A session form's fields as the schemas expect them: an unticked checkbox is simply absent. */
export function sessionFormInput(raw: Record<string, unknown>) {
  return {
    ...raw,
    observersHidden: raw.observersHidden === "on",
    recordingEnabled: raw.recordingEnabled === "on",
  };
}

export const zInviteCustomers = z.strictObject({
  sessionId: z.uuid(),
  customerIds: z.array(z.uuid()).min(1, "Choose at least one customer").max(500),
});

export const zSessionId = z.strictObject({ sessionId: z.uuid() });

export const zSessionStaff = z.strictObject({
  sessionId: z.uuid(),
  userId: z.uuid(),
  roomRole: z.enum(ATTENDING_ROOM_ROLES),
});
export const zRemoveSessionStaff = z.strictObject({ sessionId: z.uuid(), userId: z.uuid() });

export const zSetPayout = z.strictObject({
  sessionId: z.uuid(),
  invitationId: z.uuid(),
  payoutStatus: z.enum(PAYOUT_STATUSES),
});
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
