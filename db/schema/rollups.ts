import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLLUP_GRAINS } from "@/lib/domain/rollups";

/**
 * Survey figures per bucket (day, ISO week, month the survey was sent, UTC) and per slice
 * (format, customer segment at answer time, language), maintained in the same transaction as each
 * survey sent and each answer (server/analytics/rollups/record-response.ts), so the dashboard
 * reads a few hundred rows instead of scanning every response. '' is "no segment".
 */
export const responseRollups = sqliteTable(
  "response_rollups",
  {
    grain: text("grain", { enum: ROLLUP_GRAINS }).notNull(),
    bucket: integer("bucket").notNull(),
    format: text("format").notNull(),
    segment: text("segment").notNull(),
    language: text("language").notNull(),
    sent: integer("sent").notNull().default(0),
    responses: integer("responses").notNull().default(0),
    /** Answers that carried each score (a template may not ask it, a customer may skip it). */
    csatCount: integer("csat_count").notNull().default(0),
    npsCount: integer("nps_count").notNull().default(0),
    csatSatisfied: integer("csat_satisfied").notNull().default(0),
    npsPromoters: integer("nps_promoters").notNull().default(0),
    npsDetractors: integer("nps_detractors").notNull().default(0),
    cesCount: integer("ces_count").notNull().default(0),
    cesSum: integer("ces_sum").notNull().default(0),
    cesSumSquares: integer("ces_sum_squares").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grain, t.bucket, t.format, t.segment, t.language] })],
);

/**
 * Mentions of each reason code per bucket (of the note's time) and department ('' for none), kept
 * by triggers on room notes and their codes (migration 0008_reason_code_rollup_triggers.sql), so
 * every path that tags, untags, moves or deletes a note keeps it right without calling us.
 */
export const reasonCodeRollups = sqliteTable(
  "reason_code_rollups",
  {
    grain: text("grain", { enum: ROLLUP_GRAINS }).notNull(),
    bucket: integer("bucket").notNull(),
    reasonCodeId: text("reason_code_id").notNull(),
    departmentId: text("department_id").notNull(),
    mentions: integer("mentions").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.bucket, t.reasonCodeId, t.departmentId] }),
    index("reason_code_rollups_code_idx").on(t.reasonCodeId, t.grain, t.bucket),
  ],
);

/**
 * Action health per department and owner, kept by triggers on actions and action events
 * (migration 0016): open, closed, closed by the deadline, and reopened counts. Overdue depends on
 * the clock and is counted live from the few open actions.
 */
export const actionRollups = sqliteTable(
  "action_rollups",
  {
    departmentId: text("department_id").notNull(),
    ownerId: text("owner_id").notNull(),
    open: integer("open").notNull().default(0),
    closed: integer("closed").notNull().default(0),
    onTime: integer("on_time").notNull().default(0),
    reopened: integer("reopened").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.ownerId] })],
);

/** Closed actions per whole days from assignment to done, per department and owner: medians from a histogram. */
export const actionCloseDays = sqliteTable(
  "action_close_days",
  {
    departmentId: text("department_id").notNull(),
    ownerId: text("owner_id").notNull(),
    days: integer("days").notNull(),
    actions: integer("actions").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.ownerId, t.days] })],
);
