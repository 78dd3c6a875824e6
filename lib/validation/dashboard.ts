import { z } from "zod";
import { LANGUAGES } from "@/lib/domain/languages";
import { SESSION_FORMATS } from "@/lib/domain/sessions";

const DAY = 86_400_000;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
/** An empty or malformed value in a shared URL falls back instead of failing the page. */
const optional = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);

/**
 * The dashboard's filters, as they stand in the URL (so a view can be shared). Parsed leniently:
 * the page never fails on a hand-edited link, it shows the defaults for what it cannot read.
 */
export const zDashboardFilters = z.object({
  grain: z.enum(["week", "month"]).catch("week"),
  format: optional(z.enum(SESSION_FORMATS)),
  segment: optional(z.string().min(1).max(60)),
  language: optional(z.enum(LANGUAGES)),
  department: optional(z.string().min(1).max(64)),
  from: optional(isoDay),
  to: optional(isoDay),
  /** The before/after date (e.g. the day a fix shipped). */
  fix: optional(isoDay),
  /** Reason code numbers counted as complaints in the before/after, comma-separated. */
  codes: optional(z.string().regex(/^\d{1,4}(,\d{1,4}){0,39}$/)),
});
export type DashboardFiltersInput = z.input<typeof zDashboardFilters>;

export type DashboardFilters = {
  grain: "week" | "month";
  format?: (typeof SESSION_FORMATS)[number];
  segment?: string;
  language?: (typeof LANGUAGES)[number];
  department?: string;
  /** Inclusive start and exclusive end, UTC ms. */
  fromMs: number;
  toMs: number;
  fixMs?: number;
  codes: number[];
  /** The same filters, as query string pairs (for CSV links and the PDF). */
  query: Record<string, string>;
};

const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;

/** URL search params → filters with their defaults: the last 26 weeks (or 12 months) to today. */
export function readDashboardFilters(raw: Record<string, string | string[] | undefined>, now = new Date()) {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const f = zDashboardFilters.parse(flat);
  const today = dayStart(now.getTime());
  const toMs = f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY : today + DAY;
  const defaultSpan = f.grain === "week" ? 26 * 7 * DAY : 365 * DAY;
  let fromMs = f.from ? Date.parse(`${f.from}T00:00:00Z`) : toMs - defaultSpan;
  if (fromMs >= toMs) fromMs = toMs - defaultSpan;
  // Three years at most: the page stays quick and readable.
  fromMs = Math.max(fromMs, toMs - 3 * 366 * DAY);
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(f))
    if (v !== undefined && !(k === "grain" && v === "week")) query[k] = String(v);
  return {
    grain: f.grain,
    format: f.format,
    segment: f.segment,
    language: f.language,
    department: f.department,
    fromMs,
    toMs,
    fixMs: f.fix ? Date.parse(`${f.fix}T00:00:00Z`) : undefined,
    codes: f.codes ? f.codes.split(",").map(Number) : [],
    query,
  } satisfies DashboardFilters;
}
