import "server-only";
// Demo data: "Northwind Energy", a utility with six departments, staff in every role, ~40
// customers in three languages, past and upcoming immersion sessions, surveys with twelve weeks of
// answers, numbered reason codes, insights on every cell of the value/irritant grid and actions in
// every state. One seeded PRNG drives every choice and every time is relative to `now`, so
// reseeding tells the same story (only ids and the hashes of throw-away link tokens differ).
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Accommodation } from "@/lib/domain/accommodations";
import type { ActionStatus } from "@/lib/domain/action-statuses";
import type { ConsentPurpose } from "@/lib/domain/consent";
import type { InvitationStatus } from "@/lib/domain/invitations";
import type { Language } from "@/lib/domain/languages";
import type { RoomRole } from "@/lib/domain/room-roles";
import type { SessionStatus } from "@/lib/domain/sessions";
import type { StaffRole } from "@/lib/domain/staff";
import { CONSENT_PURPOSES_SHOWN, CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";
import { rotationOrder, seatGuests, trainedFirstTables } from "@/lib/speed-dating";
import type { Db, Tx } from "./index";
import { rebuildRollups } from "./rollups-rebuild";
import {
  actionEvents,
  actions,
  consents,
  consentTexts,
  customers,
  departmentMembers,
  departments,
  insightEvidence,
  insightReasonCodes,
  insights,
  invitations,
  reasonCodes,
  roomAttendance,
  roomNoteReasonCodes,
  roomNotes,
  roomQuestions,
  roomQuestionVotes,
  sessionStaff,
  sessions,
  speedDatingRotation,
  speedDatingSeats,
  surveyResponses,
  surveys,
  users,
} from "./schema";
import { seedDashboardHistory } from "./seed-dashboard";
import { seedSurveys } from "./seed-surveys";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SEED = 20_261_123;

// ---------------------------------------------------------------------------------------------
// Randomness: a tiny deterministic PRNG (mulberry32) and helpers over it.

type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function pick<T>(rng: Rng, list: readonly T[]): T {
  const v = list[Math.floor(rng() * list.length)];
  if (v === undefined) throw new Error("seed: pick from an empty list");
  return v;
}

function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

/** The hash of a fresh personal-link token that is thrown away: nobody can open a seeded link. */
const throwAwayTokenHash = () =>
  createHash("sha256").update(randomBytes(32).toString("base64url"), "utf8").digest("hex");

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: missing ${what}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The company: departments and staff.

type DeptKey = "billing" | "field" | "digital" | "contact" | "relations" | "metering";

const DEPARTMENTS: Record<DeptKey, string> = {
  billing: "Billing",
  field: "Field Service",
  digital: "Digital (app & web)",
  contact: "Contact Centre",
  relations: "Customer Relations",
  metering: "Metering",
};

interface StaffSeed {
  key: string;
  email: string;
  name: string;
  role: StaffRole;
  timeZone: string;
  trained?: boolean;
  /** [department, isOwner] */
  in?: [DeptKey, boolean][];
}

const STAFF: StaffSeed[] = [
  // The fixed demo accounts (the demo sign-in panel and the tests rely on these emails).
  {
    key: "ada",
    email: "admin@northwind.example",
    name: "Ada Admin",
    role: "admin",
    timeZone: "Europe/London",
  },
  {
    key: "farah",
    email: "facilitator@northwind.example",
    name: "Farah Facilitator",
    role: "facilitator",
    timeZone: "Europe/London",
    trained: true,
    in: [["relations", false]],
  },
  {
    key: "evan",
    email: "executive@northwind.example",
    name: "Evan Executive",
    role: "executive",
    timeZone: "America/New_York",
  },
  {
    key: "amira",
    email: "agent@northwind.example",
    name: "Amira Agent",
    role: "agent",
    timeZone: "Europe/London",
    trained: true,
    in: [["contact", false]],
  },
  {
    key: "olu",
    email: "owner@northwind.example",
    name: "Olu Owner",
    role: "agent",
    timeZone: "Europe/London",
    in: [["billing", true]],
  },
  // The rest of the team.
  {
    key: "lan",
    email: "lan.nguyen@northwind.example",
    name: "Nguyễn Thị Lan",
    role: "agent",
    timeZone: "Asia/Ho_Chi_Minh",
    trained: true,
    in: [["contact", true]],
  },
  {
    key: "wei",
    email: "wei.chen@northwind.example",
    name: "Chen Wei",
    role: "agent",
    timeZone: "Asia/Shanghai",
    in: [["digital", true]],
  },
  {
    key: "priya",
    email: "priya.raman@northwind.example",
    name: "Priya Raman",
    role: "facilitator",
    timeZone: "Europe/London",
    trained: true,
    in: [["relations", true]],
  },
  {
    key: "tom",
    email: "tom.gallagher@northwind.example",
    name: "Tom Gallagher",
    role: "agent",
    timeZone: "Europe/London",
    in: [["field", true]],
  },
  {
    key: "grace",
    email: "grace.okafor@northwind.example",
    name: "Grace Okafor",
    role: "executive",
    timeZone: "Europe/London",
    in: [["relations", false]],
  },
  {
    key: "mateo",
    email: "mateo.alvarez@northwind.example",
    name: "Mateo Álvarez",
    role: "agent",
    timeZone: "America/New_York",
    in: [["digital", false]],
  },
  {
    key: "min",
    email: "min.zhang@northwind.example",
    name: "Zhang Min",
    role: "agent",
    timeZone: "Asia/Shanghai",
    in: [["metering", true]],
  },
  {
    key: "hannah",
    email: "hannah.fischer@northwind.example",
    name: "Hannah Fischer",
    role: "agent",
    timeZone: "Europe/Berlin",
    in: [["billing", false]],
  },
  {
    key: "bao",
    email: "bao.tran@northwind.example",
    name: "Trần Quốc Bảo",
    role: "agent",
    timeZone: "Asia/Ho_Chi_Minh",
    trained: true,
    in: [
      ["field", false],
      ["metering", false],
    ],
  },
  {
    key: "sofia",
    email: "sofia.rossi@northwind.example",
    name: "Sofia Rossi",
    role: "agent",
    timeZone: "Europe/Rome",
    in: [["metering", false]],
  },
  {
    key: "kwame",
    email: "kwame.mensah@northwind.example",
    name: "Kwame Mensah",
    role: "agent",
    timeZone: "Europe/London",
    in: [["contact", false]],
  },
];

// ---------------------------------------------------------------------------------------------
// Customers. Accessibility notes record needs, never labels.

type Contact = "email" | "phone" | "none";

interface CustomerSeed {
  name: string;
  email: string;
  language: Language;
  timeZone: string;
  segment: "residential" | "small-business" | "priority-services";
  tags: string[];
  contact: Contact;
  notes?: string;
  needs?: Accommodation[];
  needsOther?: string;
}

const LDN = "Europe/London";
const c = (
  name: string,
  email: string,
  language: Language,
  segment: CustomerSeed["segment"],
  tags: string[],
  contact: Contact,
  more: Partial<CustomerSeed> = {},
): CustomerSeed => ({ name, email, language, timeZone: LDN, segment, tags, contact, ...more });

const CUSTOMERS: CustomerSeed[] = [
  c("Margaret Ellis", "margaret.ellis@example.com", "en", "priority-services", ["elderly"], "phone", {
    notes: "Prefers large text and captions",
    needs: ["large_text", "captions"],
  }),
  c(
    "David Okonkwo",
    "david.okonkwo@example.net",
    "en",
    "residential",
    ["complaint-2026", "direct-debit"],
    "email",
  ),
  c(
    "Sarah Whitfield",
    "sarah.whitfield@example.com",
    "en",
    "residential",
    ["new-customer", "smart-meter"],
    "email",
  ),
  c("James Patel", "james.patel@example.com", "en", "small-business", ["business"], "email"),
  c("Aisha Rahman", "aisha.rahman@example.net", "en", "residential", ["prepayment"], "phone"),
  c("Tom Hughes", "tom.hughes@example.com", "en", "residential", ["moved-home"], "email"),
  c("Eleanor Price", "eleanor.price@example.com", "en", "priority-services", ["elderly"], "email", {
    notes: "Uses a BSL interpreter",
    needs: ["sign_language"],
  }),
  c("Ryan O'Connor", "ryan.oconnor@example.net", "en", "residential", ["complaint-2026"], "email"),
  c(
    "Fatima Begum",
    "fatima.begum@example.com",
    "en",
    "residential",
    ["prepayment", "complaint-2026"],
    "phone",
    {
      notes: "Prefers audio only; please describe anything shared on screen",
      needs: ["audio_only"],
    },
  ),
  c(
    "George Turner",
    "george.turner@example.com",
    "en",
    "priority-services",
    ["elderly", "smart-meter"],
    "phone",
    {
      notes: "Please speak slowly, one person at a time, and summarise at the end",
      needs: ["captions", "breaks"],
    },
  ),
  c("Chloe Bennett", "chloe.bennett@example.net", "en", "residential", ["new-customer"], "email"),
  c(
    "Daniel Brooks",
    "daniel.brooks@example.com",
    "en",
    "small-business",
    ["business", "complaint-2026"],
    "email",
    {
      timeZone: "America/New_York",
    },
  ),
  c("Priyanka Shah", "priyanka.shah@example.com", "en", "residential", ["direct-debit"], "email"),
  c("Owen Davies", "owen.davies@example.net", "en", "residential", ["smart-meter"], "email"),
  c(
    "Hannah Kowalski",
    "hannah.kowalski@example.com",
    "en",
    "residential",
    ["new-customer", "moved-home"],
    "email",
  ),
  c("Samuel Adeyemi", "samuel.adeyemi@example.com", "en", "small-business", ["business"], "phone"),
  c(
    "Rebecca Lau",
    "rebecca.lau@example.net",
    "en",
    "residential",
    ["complaint-2026", "direct-debit"],
    "email",
  ),
  c("Kevin Chan", "kevin.chan@example.com", "en", "small-business", ["business"], "email"),
  c("Joan Murphy", "joan.murphy@example.com", "en", "priority-services", ["elderly", "prepayment"], "phone", {
    notes: "Needs a short break every 20 minutes",
    needs: ["breaks"],
    needsOther: "A quiet room nearby for the breaks would help.",
  }),
  c("Liam Foster", "liam.foster@example.net", "en", "residential", [], "none"),
  c("Grace Mitchell", "grace.mitchell@example.com", "en", "residential", ["smart-meter"], "email"),
  c("Yusuf Ali", "yusuf.ali@example.com", "en", "residential", ["prepayment"], "phone", {
    notes: "Uses a screen reader; please send any documents beforehand",
    needs: ["audio_only"],
    needsOther: "Please read out any poll questions.",
  }),
  c("Emily Carter", "emily.carter@example.net", "en", "residential", ["new-customer"], "email"),
  c("Patrick Nolan", "patrick.nolan@example.com", "en", "priority-services", ["elderly"], "phone", {
    notes: "Hears best with captions on",
    needs: ["captions"],
  }),
  c(
    "Nadia Haddad",
    "nadia.haddad@example.com",
    "en",
    "residential",
    ["moved-home", "complaint-2026"],
    "email",
  ),
  c(
    "Mei Ling Chan",
    "meiling.chan@example.net",
    "en",
    "residential",
    ["prepayment", "new-customer"],
    "email",
  ),
  // Chinese-speaking customers.
  c("王芳", "wang.fang@example.com", "zh", "residential", ["prepayment"], "phone"),
  c("李强", "li.qiang@example.net", "zh", "small-business", ["business"], "email", {
    timeZone: "Asia/Shanghai",
  }),
  c("Zhang Wei", "zhang.wei@example.com", "zh", "residential", ["new-customer", "smart-meter"], "email"),
  c("陈静", "chen.jing@example.com", "zh", "priority-services", ["elderly"], "phone", {
    notes: "Prefers a Mandarin interpreter for the spoken parts",
    needs: ["spoken_interpreter"],
  }),
  c("Liu Yang", "liu.yang@example.net", "zh", "residential", ["complaint-2026"], "email"),
  c("黄丽华", "huang.lihua@example.com", "zh", "residential", ["direct-debit", "smart-meter"], "email"),
  c("Zhou Min", "zhou.min@example.com", "zh", "residential", ["moved-home"], "email", {
    timeZone: "Asia/Shanghai",
  }),
  c("赵磊", "zhao.lei@example.net", "zh", "small-business", ["business", "complaint-2026"], "phone"),
  // Vietnamese-speaking customers.
  c(
    "Nguyễn Văn Hùng",
    "nguyen.van.hung@example.com",
    "vi",
    "residential",
    ["prepayment", "complaint-2026"],
    "phone",
  ),
  c("Trần Thị Mai", "tran.thi.mai@example.net", "vi", "residential", ["moved-home"], "email", {
    timeZone: "Asia/Ho_Chi_Minh",
  }),
  c("Lê Minh Châu", "le.minh.chau@example.com", "vi", "residential", ["new-customer"], "email"),
  c("Phạm Thu Hà", "pham.thu.ha@example.com", "vi", "priority-services", ["elderly"], "phone", {
    notes: "Prefers a Vietnamese interpreter and large text",
    needs: ["spoken_interpreter", "large_text"],
  }),
  c("Võ Thanh Tùng", "vo.thanh.tung@example.net", "vi", "small-business", ["business"], "phone"),
  c("Đặng Ngọc Anh", "dang.ngoc.anh@example.com", "vi", "residential", ["smart-meter"], "email"),
  c("Bùi Quang Huy", "bui.quang.huy@example.com", "vi", "residential", ["complaint-2026"], "email", {
    timeZone: "Asia/Ho_Chi_Minh",
  }),
  c("Hoàng Thị Lan", "hoang.thi.lan@example.net", "vi", "residential", ["prepayment"], "phone"),
];

// Reserved fictional numbers: Ofcom's drama range for the UK, 555-01xx for North America.
const phoneFor = (cust: CustomerSeed, i: number) =>
  cust.timeZone === "America/New_York"
    ? `+1 212 555 01${String(10 + i).padStart(2, "0")}`
    : `+44 7700 900${String(100 + i * 7).padStart(3, "0")}`;

// ---------------------------------------------------------------------------------------------
// Sessions: five past (ended), three upcoming, one draft, one cancelled.

type SessionKey = "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7" | "s8" | "s9" | "s10";

interface SessionSeed {
  key: SessionKey;
  title: string;
  description: string;
  agenda: string;
  format: "story_circle" | "panel" | "speed_dating" | "mass_online";
  status: Exclude<SessionStatus, "live">;
  /** Days from today (UTC) and the UTC hour it starts. */
  day: number;
  hourUtc: number;
  duration?: number;
  seats?: number;
  timeZone: string;
  facilitator: string;
  host?: string;
  /** Speed dating: tables and round length in minutes. */
  rounds?: [number, number];
  /** Thank-you per guest: minor units, currency, who pays. */
  incentive?: [number, string, "company" | "host"];
  recording?: boolean;
  staff: [string, RoomRole][];
  invite: number;
  prefer: (c: CustomerSeed) => boolean;
}

const tagged =
  (...tags: string[]) =>
  (c: CustomerSeed) =>
    tags.some((t) => c.tags.includes(t));

const SESSIONS: SessionSeed[] = [
  {
    key: "s1",
    title: "Billing after the tariff change — story circle",
    description:
      "Ten customers tell us, one at a time, what happened when their bill changed after the September tariff update. Billing and Contact Centre staff listen, and may explain — or simply say sorry.",
    agenda:
      "Welcome and how your words will be used (5 min)\nStories, one customer at a time (30 min)\nWhat we heard, read back to you (5 min)\nWhat happens next (5 min)",
    format: "story_circle",
    status: "ended",
    day: -83,
    hourUtc: 17,
    timeZone: "Europe/London",
    facilitator: "farah",
    host: "Listening Post Research Ltd",
    incentive: [2500, "GBP", "host"],
    staff: [
      ["farah", "facilitator"],
      ["olu", "speaker"],
      ["amira", "speaker"],
      ["hannah", "observer"],
      ["evan", "observer"],
      ["grace", "observer"],
    ],
    invite: 11,
    prefer: tagged("complaint-2026", "direct-debit", "prepayment"),
  },
  {
    key: "s2",
    title: "Waiting in for the engineer — panel",
    description:
      "A panel of customers who waited in for a meter install or repair talk with Field Service about booking windows, missed visits and what a good visit looks like.",
    agenda:
      "Welcome (5 min)\nPanel: your last visit from us (25 min)\nField Service responds (15 min)\nQuestions and close (15 min)",
    format: "panel",
    status: "ended",
    day: -62,
    hourUtc: 12,
    duration: 60,
    seats: 8,
    timeZone: "Europe/London",
    facilitator: "farah",
    host: "Listening Post Research Ltd",
    incentive: [2500, "GBP", "host"],
    staff: [
      ["farah", "facilitator"],
      ["tom", "speaker"],
      ["bao", "speaker"],
      ["lan", "observer"],
      ["grace", "observer"],
    ],
    invite: 10,
    prefer: tagged("smart-meter", "moved-home", "new-customer"),
  },
  {
    key: "s3",
    title: "Lunchtime listening: the new app — mass immersion",
    description:
      "An online lunchtime session: customers tell us how the new Northwind app works for them while staff across the company listen in and send questions by chat.",
    agenda:
      "Welcome and ground rules (5 min)\nCustomers share their experience (25 min)\nQuestions from the chat (10 min)\nClose (5 min)",
    format: "mass_online",
    status: "ended",
    day: -41,
    hourUtc: 12,
    seats: 15,
    timeZone: "Europe/London",
    facilitator: "farah",
    recording: true,
    staff: [
      ["farah", "facilitator"],
      ["wei", "speaker"],
      ["mateo", "speaker"],
      ["evan", "observer"],
      ["grace", "observer"],
      ["amira", "observer"],
      ["kwame", "observer"],
      ["hannah", "observer"],
      ["sofia", "observer"],
      ["olu", "observer"],
    ],
    invite: 12,
    prefer: (c) => c.segment !== "priority-services" && !c.tags.includes("elderly"),
  },
  {
    key: "s4",
    title: "Meter readings in your language — story circle (中文 / Tiếng Việt)",
    description:
      "Chinese- and Vietnamese-speaking customers tell us about reading their meter, understanding their bill and the letters we send. Interpreters join; staff who speak both languages listen.",
    agenda:
      "Welcome with interpreters (10 min)\nStories, one customer at a time (25 min)\nWhat we heard (5 min)\nClose (5 min)",
    format: "story_circle",
    status: "ended",
    day: -22,
    hourUtc: 11,
    timeZone: "Asia/Ho_Chi_Minh",
    facilitator: "priya",
    host: "Listening Post Research Ltd",
    incentive: [2500, "GBP", "host"],
    staff: [
      ["priya", "facilitator"],
      ["lan", "speaker"],
      ["min", "speaker"],
      ["bao", "speaker"],
      ["farah", "observer"],
      ["evan", "observer"],
    ],
    invite: 10,
    prefer: (c) => c.language !== "en",
  },
  {
    key: "s5",
    title: "Speed dating: Billing and Metering meet their customers",
    description:
      "Small tables of customers; staff from Billing, Metering and the Contact Centre move to the next table every round, so every customer is heard by every team.",
    agenda:
      "Welcome and how the rounds work (5 min)\nFive rounds of 9 minutes (45 min)\nWhat we heard (10 min)",
    format: "speed_dating",
    rounds: [5, 9],
    incentive: [3000, "GBP", "company"],
    status: "ended",
    day: -8,
    hourUtc: 18,
    duration: 60,
    seats: 12,
    timeZone: "Europe/London",
    facilitator: "farah",
    staff: [
      ["farah", "facilitator"],
      ["olu", "speaker"],
      ["hannah", "speaker"],
      ["min", "speaker"],
      ["sofia", "speaker"],
      ["amira", "speaker"],
      ["grace", "observer"],
    ],
    invite: 12,
    prefer: tagged("prepayment", "smart-meter", "direct-debit", "complaint-2026"),
  },
  {
    key: "s6",
    title: "Moving home without the mess — story circle",
    description:
      "Customers who moved home this year tell us how closing and opening their account went, from the final meter reading to the first bill at the new address.",
    agenda:
      "Welcome and how your words will be used (5 min)\nStories (30 min)\nWhat we heard (5 min)\nNext steps (5 min)",
    format: "story_circle",
    status: "scheduled",
    day: 5,
    hourUtc: 17,
    timeZone: "Europe/London",
    facilitator: "farah",
    staff: [
      ["farah", "facilitator"],
      ["olu", "speaker"],
      ["kwame", "speaker"],
      ["sofia", "observer"],
      ["evan", "observer"],
    ],
    invite: 10,
    prefer: tagged("moved-home", "new-customer"),
  },
  {
    key: "s7",
    title: "Priority services: being heard when it matters — panel",
    description:
      "Customers on our Priority Services Register tell us what helps and what gets in the way when they contact us. A slower pace, with breaks, captions and interpreters as needed.",
    agenda:
      "Welcome, introductions and how to ask for a break (10 min)\nPanel conversation (30 min)\nBreak (5 min)\nWhat we heard and what we will do (15 min)",
    format: "panel",
    status: "scheduled",
    day: 12,
    hourUtc: 11,
    duration: 60,
    seats: 8,
    timeZone: "Europe/London",
    facilitator: "farah",
    host: "Listening Post Research Ltd",
    incentive: [2500, "GBP", "host"],
    staff: [
      ["farah", "facilitator"],
      ["amira", "speaker"],
      ["lan", "speaker"],
      ["priya", "observer"],
      ["grace", "observer"],
    ],
    invite: 11,
    prefer: (c) => c.segment === "priority-services" || c.notes !== undefined,
  },
  {
    key: "s8",
    title: "Prepayment customers — speed dating",
    description:
      "Tables of prepayment customers meet Billing, Metering and the Contact Centre in short rounds: topping up, emergency credit and what happens when the meter runs out.",
    agenda: "Welcome (5 min)\nFour rounds of 8 minutes (32 min)\nWhat we heard (8 min)",
    format: "speed_dating",
    rounds: [4, 8],
    incentive: [500000, "VND", "company"],
    status: "scheduled",
    day: 19,
    hourUtc: 10,
    timeZone: "Asia/Ho_Chi_Minh",
    facilitator: "priya",
    staff: [
      ["priya", "facilitator"],
      ["hannah", "speaker"],
      ["amira", "speaker"],
      ["min", "speaker"],
      ["kwame", "speaker"],
      ["evan", "observer"],
    ],
    invite: 9,
    prefer: tagged("prepayment"),
  },
  {
    key: "s9",
    title: "Small businesses and the new business tariff — panel",
    description:
      "Owners of small businesses tell us how the business tariff, invoices and our opening hours fit around running a shop, a salon or a café.",
    agenda: "Welcome (5 min)\nPanel (30 min)\nQuestions (10 min)",
    format: "panel",
    status: "draft",
    day: 33,
    hourUtc: 8,
    timeZone: "Europe/London",
    facilitator: "farah",
    staff: [
      ["farah", "facilitator"],
      ["olu", "speaker"],
      ["evan", "observer"],
    ],
    invite: 6,
    prefer: (c) => c.segment === "small-business",
  },
  {
    key: "s10",
    title: "Evening listening: smart meter installs — story circle",
    description:
      "Cancelled: the engineers who were to listen were needed for storm repairs. Everyone invited has been told, and we will offer a new date.",
    agenda: "Welcome (5 min)\nStories (30 min)\nWhat we heard (10 min)",
    format: "story_circle",
    status: "cancelled",
    day: 9,
    hourUtc: 18,
    timeZone: "Europe/London",
    facilitator: "farah",
    staff: [
      ["farah", "facilitator"],
      ["min", "speaker"],
      ["tom", "speaker"],
      ["grace", "observer"],
    ],
    invite: 7,
    prefer: tagged("smart-meter"),
  },
];

// ---------------------------------------------------------------------------------------------
// Words customers used. `topic` ties a comment to an insight, so it can be its evidence.

type Tone = "pos" | "mixed" | "neg";
type InsightKey =
  | "handoffs"
  | "noshow"
  | "topup"
  | "login"
  | "readings"
  | "billshock"
  | "language"
  | "explain";

interface Said {
  lang: Language;
  tone: Tone;
  text: string;
  topic?: InsightKey;
}

const s = (lang: Language, tone: Tone, text: string, topic?: InsightKey): Said =>
  topic ? { lang, tone, text, topic } : { lang, tone, text };

/** What attendees of each past session wrote, in their own language; used in this order. */
const SESSION_COMMENTS: Partial<Record<SessionKey, Said[]>> = {
  s1: [
    s(
      "en",
      "neg",
      "I was transferred three times about my bill and had to explain it all again each time.",
      "handoffs",
    ),
    s("en", "neg", "My bill went up by £40 after the tariff change and nobody told me why.", "billshock"),
    s(
      "en",
      "mixed",
      "The session was good, but I still don't know why my direct debit changed without warning.",
      "billshock",
    ),
    s(
      "en",
      "pos",
      "Thank you for actually listening. The billing manager admitted the letter was confusing.",
    ),
    s("en", "pos", "It felt like someone finally heard me. I hope the bill letters get simpler."),
    s("zh", "neg", "关于账单的问题，我被转接了三次，每次都要重新解释。", "handoffs"),
    s("zh", "mixed", "我的账单比预期高很多，希望以后能提前通知。", "billshock"),
    s("vi", "neg", "Tôi bị chuyển máy ba lần chỉ vì một câu hỏi về hoá đơn.", "handoffs"),
    s("vi", "pos", "Cảm ơn đã lắng nghe. Lần đầu tiên tôi thấy công ty thật sự quan tâm."),
  ],
  s2: [
    s("en", "pos", "The engineer arrived on time and explained everything.", "explain"),
    s("en", "neg", "I took a day off work and the engineer didn't turn up. No call, no text.", "noshow"),
    s("en", "neg", "Booked an all-day slot twice and nobody came either time.", "noshow"),
    s(
      "en",
      "mixed",
      "Good to talk to the field team directly, but an 8 till 6 appointment window is too long.",
    ),
    s("en", "pos", "Tom from Field Service was honest about what went wrong. I appreciated that."),
    s("zh", "neg", "工程师没有来，也没有人打电话通知我。", "noshow"),
    s("vi", "pos", "Kỹ thuật viên đến đúng giờ và giải thích rất rõ ràng.", "explain"),
  ],
  s3: [
    s(
      "en",
      "neg",
      "I couldn't log in to the app after resetting my password — it just loops back to the start.",
      "login",
    ),
    s("en", "neg", "The app said my reading was submitted but the bill was still estimated.", "readings"),
    s(
      "en",
      "mixed",
      "Nice to see so many staff listening. Good questions in the chat, but the sound dropped twice.",
    ),
    s("en", "pos", "Loved the lunchtime format, easy to join from my phone."),
    s("en", "pos", "The usage graph in the new app is brilliant when it works."),
    s("zh", "neg", "修改密码以后就一直登录不了应用。", "login"),
    s("zh", "pos", "在线形式很方便，大家回答问题也很认真。"),
    s("vi", "mixed", "Ứng dụng khá tiện nhưng tôi thường bị đăng xuất.", "login"),
  ],
  s4: [
    s("zh", "neg", "我看不懂电表读数，信里也只有英文。", "language"),
    s("zh", "pos", "有中文翻译真好，终于可以把问题讲清楚了。", "language"),
    s("zh", "mixed", "智能电表好几个月没有发送读数了，但账单还是估算的。", "readings"),
    s("vi", "neg", "Tôi không hiểu chỉ số công tơ, và thư từ chỉ có tiếng Anh.", "language"),
    s("vi", "pos", "Buổi nói chuyện bằng tiếng Việt giúp tôi tự tin hơn rất nhiều."),
    s(
      "vi",
      "mixed",
      "Công tơ thông minh của tôi không gửi chỉ số nữa, nhưng hoá đơn vẫn là ước tính.",
      "readings",
    ),
    s(
      "en",
      "mixed",
      "I didn't understand my meter reading until someone drew it out for me today.",
      "readings",
    ),
  ],
  s5: [
    s(
      "en",
      "pos",
      "Rotating tables meant I told my story to Billing and Metering in one evening — brilliant.",
    ),
    s("en", "neg", "Nobody called me back when they promised. Three times now."),
    s("en", "neg", "My prepayment top-up didn't arrive for two days and the meter cut off.", "topup"),
    s("en", "mixed", "Helpful, but I had to tell my story again at every table."),
    s("en", "neg", "My direct debit doubled and the email only came after the money had gone.", "billshock"),
    s("zh", "pos", "工作人员很有耐心，一直确认我是否听懂。"),
    s("vi", "neg", "Tôi nạp tiền trả trước nhưng hai ngày sau mới vào tài khoản.", "topup"),
  ],
};

/** Everyday survey comments, for the twelve weeks of history and attendees beyond the scripts. */
const GENERAL_COMMENTS: Said[] = [
  s("en", "neg", "I was passed from Billing to the contact centre and back again.", "handoffs"),
  s("en", "neg", "Forty minutes on hold, then the line dropped."),
  s("en", "neg", "Had to explain my whole situation again to every person I spoke to.", "handoffs"),
  s("en", "neg", "The engineer never came and nobody rang to say why.", "noshow"),
  s("en", "neg", "Topped up at the shop but the meter showed no credit until the next day.", "topup"),
  s("en", "neg", "Still can't log in to the app since the update.", "login"),
  s("en", "neg", "My bill doubled and the letter didn't explain anything.", "billshock"),
  s("en", "neg", "Direct debit went up without any warning at all.", "billshock"),
  s("en", "neg", "Promised a call back within 48 hours. Still waiting."),
  s("en", "neg", "Estimated bills for four months even though I have a smart meter.", "readings"),
  s("en", "mixed", "Got there in the end, but it took three calls."),
  s("en", "mixed", "The agent was kind but couldn't actually fix anything."),
  s("en", "mixed", "Better than last year, still too long on hold."),
  s("en", "mixed", "The app is fine for paying, useless for anything else."),
  s("en", "mixed", "The engineer was polite but the appointment window was 8 till 6."),
  s("en", "mixed", "I understand my bill now, but only after a long chat."),
  s("en", "pos", "The engineer arrived on time and explained everything.", "explain"),
  s("en", "pos", "Sorted my bill in one call. Thank you."),
  s("en", "pos", "Quick, friendly, and she checked I understood before hanging up."),
  s("en", "pos", "First time I've been called back when promised."),
  s("en", "pos", "The new meter reading screen is much clearer."),
  s("en", "pos", "Really helpful advice on using less energy this winter.", "explain"),
  s("en", "pos", "Easy to top up and it showed straight away."),
  s("en", "pos", "Lovely person on the phone, very patient with my mum."),
  s("zh", "neg", "账单突然涨了很多，信里没有任何解释。", "billshock"),
  s("zh", "neg", "打了三次电话，每次都被转到不同的部门。", "handoffs"),
  s("zh", "neg", "修改密码后就登录不了应用了。", "login"),
  s("zh", "neg", "预约的工程师没有来，也没人通知我。", "noshow"),
  s("zh", "mixed", "最后问题解决了，但是等了很久。"),
  s("zh", "mixed", "客服态度很好，但是希望有中文的书面说明。", "language"),
  s("zh", "pos", "客服很有耐心，解释得很清楚。"),
  s("zh", "pos", "工程师准时到达，还教我怎么看电表。", "explain"),
  s("zh", "pos", "有中文服务，非常方便。", "language"),
  s("vi", "neg", "Tôi gọi ba lần và lần nào cũng bị chuyển sang bộ phận khác.", "handoffs"),
  s("vi", "neg", "Hoá đơn tăng gấp đôi mà không có lời giải thích nào.", "billshock"),
  s("vi", "neg", "Nạp tiền ở cửa hàng nhưng công tơ không nhận được tiền.", "topup"),
  s("vi", "neg", "Thư chỉ có tiếng Anh nên tôi phải nhờ con dịch giúp.", "language"),
  s("vi", "mixed", "Vấn đề đã được giải quyết nhưng phải chờ khá lâu."),
  s("vi", "mixed", "Nhân viên lịch sự nhưng chưa trả lời hết câu hỏi của tôi."),
  s("vi", "pos", "Nhân viên rất kiên nhẫn và giải thích rõ ràng."),
  s("vi", "pos", "Kỹ thuật viên đến đúng giờ và rất nhiệt tình.", "explain"),
  s("vi", "pos", "Có hỗ trợ tiếng Việt nên tôi rất yên tâm.", "language"),
];

// ---------------------------------------------------------------------------------------------
// Reason codes, insights and actions.

/** Each code's wording in Chinese and Vietnamese, and its definition (when to use it). */
const CODE_WORDING: Record<number, { zh: string; vi: string; definition: string }> = {
  1: {
    zh: "我的账单比预期的高",
    vi: "Hóa đơn của tôi cao hơn tôi nghĩ",
    definition: "The amount surprised them, whatever the cause (tariff, estimate, usage).",
  },
  2: {
    zh: "我被转来转去，在不同部门之间",
    vi: "Tôi bị chuyển qua lại giữa các bộ phận",
    definition: "Sent to another team or person more than once for one question.",
  },
  3: {
    zh: "工程师没有来",
    vi: "Kỹ thuật viên đã không đến",
    definition: "A booked visit was missed without notice.",
  },
  4: {
    zh: "我无法登录应用",
    vi: "Tôi không đăng nhập được vào ứng dụng",
    definition: "Cannot sign in to the app or website; not other app faults.",
  },
  5: {
    zh: "我看不懂我的电表读数",
    vi: "Tôi không hiểu chỉ số công tơ của mình",
    definition: "Unsure what to read or send from the meter.",
  },
  6: {
    zh: "我的直接扣款没有通知就变了",
    vi: "Khoản ghi nợ trực tiếp của tôi bị thay đổi mà không báo trước",
    definition: "A payment amount or date changed before they were told.",
  },
  7: {
    zh: "我在电话里等了太久",
    vi: "Tôi phải chờ điện thoại quá lâu",
    definition: "Queue or hold time they found too long.",
  },
  8: {
    zh: "答应给我回电话，却没有人打来",
    vi: "Đã hứa gọi lại nhưng không ai gọi",
    definition: "A promised call-back did not happen.",
  },
  9: {
    zh: "我的预付费充值没有到账",
    vi: "Tiền nạp trả trước của tôi không vào tài khoản",
    definition: "A top-up was paid but did not reach the meter.",
  },
  10: {
    zh: "每次都要重新讲一遍我的情况",
    vi: "Lần nào tôi cũng phải kể lại từ đầu",
    definition: "Had to repeat their situation to each new person.",
  },
  11: {
    zh: "信件不是用我的语言写的",
    vi: "Thư không được viết bằng ngôn ngữ của tôi",
    definition: "Letters or messages not in the language they asked for.",
  },
  12: {
    zh: "我的智能电表不再发送读数",
    vi: "Công tơ thông minh của tôi không gửi chỉ số nữa",
    definition: "A smart meter stopped reporting; bills fell back to estimates.",
  },
  13: {
    zh: "我想要节能方面的帮助",
    vi: "Tôi muốn được giúp để dùng ít năng lượng hơn",
    definition: "Asking for advice or tools to use less.",
  },
  14: {
    zh: "我被收取了纸质账单费用",
    vi: "Tôi bị tính phí hóa đơn giấy",
    definition: "Charged for a paper bill they did not want or need.",
  },
};

const REASON_CODES: { number: number; label: string; example: string; active?: false }[] = [
  {
    number: 1,
    label: "My bill was higher than I expected",
    example: "It went up £40 after the tariff change and no one told me why.",
  },
  {
    number: 2,
    label: "I was passed between departments",
    example: "Billing sent me to the contact centre and they sent me back.",
  },
  { number: 3, label: "The engineer didn't turn up", example: "I took the day off and nobody came." },
  {
    number: 4,
    label: "I couldn't log in to the app",
    example: "After resetting my password it sends me back to the start.",
  },
  {
    number: 5,
    label: "I didn't understand my meter reading",
    example: "Which of the numbers on the meter do I send you?",
  },
  {
    number: 6,
    label: "My direct debit changed without warning",
    example: "The amount taken doubled and the email came afterwards.",
  },
  {
    number: 7,
    label: "I waited too long on the phone",
    example: "Forty minutes on hold before anyone answered.",
  },
  {
    number: 8,
    label: "Nobody called me back when they promised",
    example: "They said someone would ring within 48 hours.",
  },
  {
    number: 9,
    label: "My prepayment top-up didn't arrive",
    example: "I paid at the shop but the meter still said zero credit.",
  },
  {
    number: 10,
    label: "I had to tell my story again every time",
    example: "Every person asked me to start from the beginning.",
  },
  {
    number: 11,
    label: "The letter wasn't in my language",
    example: "I had to ask my son to translate the letter.",
  },
  {
    number: 12,
    label: "My smart meter stopped sending readings",
    example: "The display went blank and my bills became estimates.",
  },
  { number: 13, label: "I want help using less energy", example: "Can someone show me what uses the most?" },
  {
    number: 14,
    label: "I was charged for a paper bill",
    example: "The £1.50 paper bill fee (scrapped in 2025, so this code is retired).",
    active: false,
  },
];

interface InsightSeed {
  key: InsightKey;
  title: string;
  summary: string;
  customerAxis: "value" | "irritant";
  companyAxis: "value" | "irritant";
  contactsPerMonth: number;
  handlingMinutes: number;
  hourlyCost: number;
  customersAtRisk: number;
  lifetimeValue: number;
  codes: number[];
  day: number;
  by: string;
  /** Heard in the room or on calls, not in a survey. */
  quotes: string[];
}

const INSIGHTS: InsightSeed[] = [
  {
    key: "handoffs",
    title: "Bill queries bounce between Billing and the Contact Centre",
    summary:
      "Customers with a bill question are transferred, often more than once, and tell their story again each time. Heard in every session since the tariff change.",
    customerAxis: "irritant",
    companyAxis: "irritant",
    contactsPerMonth: 2100,
    handlingMinutes: 11,
    hourlyCost: 26,
    customersAtRisk: 80,
    lifetimeValue: 1350,
    codes: [2, 10, 7],
    day: -80,
    by: "farah",
    quotes: [
      "Said in the story circle: “Each person I spoke to said it was another team's job.”",
      "Listening log (call): customer transferred four times about one estimated bill.",
    ],
  },
  {
    key: "noshow",
    title: "Engineers miss booked visits without telling the customer",
    summary:
      "Customers take a day off for an all-day slot and nobody comes or calls. It drives repeat calls and complaints.",
    customerAxis: "irritant",
    companyAxis: "irritant",
    contactsPerMonth: 640,
    handlingMinutes: 14,
    hourlyCost: 26,
    customersAtRisk: 45,
    lifetimeValue: 1350,
    codes: [3, 8],
    day: -59,
    by: "farah",
    quotes: ["Said on the panel: “I rang at 5pm and they said the engineer had been sent elsewhere at 9.”"],
  },
  {
    key: "topup",
    title: "Prepayment top-ups reach the meter late",
    summary:
      "Shop and app top-ups sometimes take a day or two to reach the meter; some customers go without supply meanwhile.",
    customerAxis: "irritant",
    companyAxis: "irritant",
    contactsPerMonth: 420,
    handlingMinutes: 9,
    hourlyCost: 26,
    customersAtRisk: 30,
    lifetimeValue: 980,
    codes: [9, 7],
    day: -78,
    by: "farah",
    quotes: [
      "Said at a speed-dating table: “I had to sit in the dark with the kids until the credit came through.”",
    ],
  },
  {
    key: "login",
    title: "The app loops back to the start after a password reset",
    summary:
      "After resetting a password, customers are sent back to the sign-in screen. They give up and call instead — and we want them in the app.",
    customerAxis: "irritant",
    companyAxis: "value",
    contactsPerMonth: 900,
    handlingMinutes: 7,
    hourlyCost: 26,
    customersAtRisk: 15,
    lifetimeValue: 1350,
    codes: [4],
    day: -39,
    by: "farah",
    quotes: [
      "Chat question during the mass immersion: “Is anyone else stuck on the login screen?” (23 up-votes)",
    ],
  },
  {
    key: "readings",
    title: "Customers can't tell which meter reading to send, and smart meters go quiet",
    summary:
      "Readings matter to us (accurate bills), but customers find them confusing; silent smart meters turn into estimated bills.",
    customerAxis: "irritant",
    companyAxis: "value",
    contactsPerMonth: 1200,
    handlingMinutes: 8,
    hourlyCost: 26,
    customersAtRisk: 25,
    lifetimeValue: 1350,
    codes: [5, 12],
    day: -20,
    by: "priya",
    quotes: [],
  },
  {
    key: "billshock",
    title: "Customers want the tariff change on their bill explained before it lands",
    summary:
      "Customers value understanding why their bill or direct debit changed; explaining it one call at a time is costly for us.",
    customerAxis: "value",
    companyAxis: "irritant",
    contactsPerMonth: 3000,
    handlingMinutes: 12,
    hourlyCost: 26,
    customersAtRisk: 120,
    lifetimeValue: 1350,
    codes: [1, 6],
    day: -79,
    by: "farah",
    quotes: ["Listening log (call): “Just tell me before you take more money, that's all I ask.”"],
  },
  {
    key: "language",
    title: "Letters and calls in the customer's own language",
    summary:
      "Chinese- and Vietnamese-speaking customers rely on family to translate letters. They value help in their language; we provide it by hand today.",
    customerAxis: "value",
    companyAxis: "irritant",
    contactsPerMonth: 350,
    handlingMinutes: 18,
    hourlyCost: 31,
    customersAtRisk: 20,
    lifetimeValue: 1350,
    codes: [11, 5],
    day: -20,
    by: "priya",
    quotes: [
      "Interpreter's note from the story circle: several customers brought letters they could not read.",
    ],
  },
  {
    key: "explain",
    title: "Engineers who explain the meter on the doorstep build loyalty",
    summary:
      "When an engineer takes five minutes to show how the meter and display work, customers praise it and call less. Worth spreading.",
    customerAxis: "value",
    companyAxis: "value",
    contactsPerMonth: 300,
    handlingMinutes: 6,
    hourlyCost: 26,
    customersAtRisk: 0,
    lifetimeValue: 1350,
    codes: [13, 5],
    day: -58,
    by: "farah",
    quotes: ["Said on the panel: “She showed my dad the display and now he checks it every morning.”"],
  },
];

interface Step {
  day: number;
  to: ActionStatus;
  by: string;
  note?: string;
}

interface ActionSeed {
  insight: InsightKey;
  dept: DeptKey;
  owner: string;
  title: string;
  deadline: number;
  /** The first step is the creation (to "open"); the status is the last step's. */
  steps: Step[];
}

const ACTIONS: ActionSeed[] = [
  {
    insight: "handoffs",
    dept: "contact",
    owner: "lan",
    title: "Give every bill query one owner from first call to fix",
    deadline: -6,
    steps: [
      { day: -75, to: "open", by: "farah" },
      { day: -60, to: "in_progress", by: "lan", note: "Trial running with team B since Monday." },
    ],
  },
  {
    insight: "handoffs",
    dept: "billing",
    owner: "olu",
    title: "Publish a Billing ↔ Contact Centre handover checklist",
    deadline: -30,
    steps: [
      { day: -78, to: "open", by: "farah" },
      { day: -70, to: "in_progress", by: "olu" },
      {
        day: -38,
        to: "done",
        by: "olu",
        note: "Billing now keeps each case until it is solved; the handover checklist is live for all teams.",
      },
      { day: -31, to: "verified", by: "farah", note: "Repeat bill calls down 18% in the four weeks since." },
    ],
  },
  {
    insight: "noshow",
    dept: "field",
    owner: "tom",
    title: "Text customers a two-hour arrival window on the morning of the visit",
    deadline: 4,
    steps: [
      { day: -57, to: "open", by: "farah" },
      { day: -40, to: "in_progress", by: "tom" },
      {
        day: -2,
        to: "done",
        by: "tom",
        note: "Morning texts with a two-hour window go to every booked customer from 7am; the engineer's name is included.",
      },
    ],
  },
  {
    insight: "noshow",
    dept: "field",
    owner: "bao",
    title: "Call every customer whose visit is missed within two hours",
    deadline: -3,
    steps: [{ day: -20, to: "open", by: "farah" }],
  },
  {
    insight: "topup",
    dept: "billing",
    owner: "hannah",
    title: "Find out why shop top-ups can take 48 hours to reach the meter",
    deadline: 10,
    steps: [
      { day: -7, to: "open", by: "farah" },
      {
        day: -5,
        to: "in_progress",
        by: "hannah",
        note: "Asked the payment provider for a week of settlement logs.",
      },
    ],
  },
  {
    insight: "topup",
    dept: "contact",
    owner: "amira",
    title: "Agents offer emergency credit straight away when a top-up is late",
    deadline: -20,
    steps: [
      { day: -76, to: "open", by: "farah" },
      { day: -60, to: "in_progress", by: "amira" },
      {
        day: -30,
        to: "done",
        by: "amira",
        note: "New script and one-click emergency credit in the agent desktop.",
      },
      { day: -24, to: "verified", by: "farah", note: "Checked 20 calls: emergency credit offered in 19." },
    ],
  },
  {
    insight: "login",
    dept: "digital",
    owner: "wei",
    title: "Fix the login loop after a password reset (iOS and Android)",
    deadline: -1,
    steps: [
      { day: -38, to: "open", by: "farah" },
      { day: -30, to: "in_progress", by: "wei" },
      {
        day: -4,
        to: "done",
        by: "wei",
        note: "Release 4.12 clears the stale session after a reset; crash-free logins back to 99.6%.",
      },
    ],
  },
  {
    insight: "login",
    dept: "digital",
    owner: "mateo",
    title: "Add a “Can't log in?” link that reaches a person in chat",
    deadline: 14,
    steps: [{ day: -10, to: "open", by: "farah" }],
  },
  {
    insight: "readings",
    dept: "metering",
    owner: "min",
    title: "Redesign the meter reading screen with a photo of each meter type",
    deadline: 21,
    steps: [
      { day: -19, to: "open", by: "priya" },
      {
        day: -12,
        to: "in_progress",
        by: "min",
        note: "Photos of the eight most common meters taken; designs with Digital.",
      },
    ],
  },
  {
    insight: "readings",
    dept: "metering",
    owner: "sofia",
    title: "Contact customers whose smart meter has sent no reading for 60 days",
    deadline: -10,
    steps: [{ day: -19, to: "open", by: "priya" }],
  },
  {
    insight: "billshock",
    dept: "billing",
    owner: "olu",
    title: "Add a one-page “why your bill changed” explainer to tariff letters",
    deadline: 7,
    steps: [{ day: -6, to: "open", by: "farah" }],
  },
  {
    insight: "billshock",
    dept: "billing",
    owner: "olu",
    title: "Tell customers ten days before a direct debit amount changes",
    deadline: -2,
    steps: [
      { day: -77, to: "open", by: "farah" },
      { day: -65, to: "in_progress", by: "olu" },
      { day: -40, to: "done", by: "olu", note: "Notice email now goes out ten days before any change." },
      {
        day: -7,
        to: "open",
        by: "farah",
        note: "Reopened: two customers at the speed-dating session still had no notice before the change.",
      },
      {
        day: -6,
        to: "in_progress",
        by: "olu",
        note: "Letters for customers without email were missed; fixing the print run.",
      },
    ],
  },
  {
    insight: "language",
    dept: "relations",
    owner: "priya",
    title: "Send key letters in Chinese and Vietnamese when that is the customer's language",
    deadline: 3,
    steps: [
      { day: -18, to: "open", by: "farah" },
      { day: -15, to: "in_progress", by: "priya" },
      {
        day: -1,
        to: "done",
        by: "priya",
        note: "Bill, tariff and debt letters now go out in the customer's language.",
      },
    ],
  },
  {
    insight: "language",
    dept: "contact",
    owner: "kwame",
    title: "Offer the interpreter line on the first call, not the third",
    deadline: -5,
    steps: [
      { day: -18, to: "open", by: "priya" },
      { day: -17, to: "in_progress", by: "kwame" },
      {
        day: -9,
        to: "done",
        by: "kwame",
        note: "The IVR offers Mandarin and Vietnamese interpreters up front.",
      },
      {
        day: -7,
        to: "verified",
        by: "priya",
        note: "Interpreter use up, repeat calls from these customers down.",
      },
    ],
  },
  {
    insight: "explain",
    dept: "field",
    owner: "tom",
    title: "Make “show the customer their meter” part of every visit",
    deadline: -35,
    steps: [
      { day: -56, to: "open", by: "farah" },
      { day: -50, to: "in_progress", by: "tom" },
      { day: -40, to: "done", by: "tom", note: "Added to the visit checklist and every team briefing." },
      { day: -36, to: "verified", by: "farah", note: "Post-visit CSAT up from 78% to 86%." },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Scores: CSAT 1–5 and NPS 0–10, correlated.

const NPS_RANGE: Record<number, [number, number]> = {
  1: [0, 3],
  2: [1, 5],
  3: [4, 7],
  4: [6, 9],
  5: [8, 10],
};

function csatFor(rng: Rng, tone: Tone | null, quality: number): number {
  if (tone === "pos") return rng() < 0.6 ? 5 : 4;
  if (tone === "neg") return rng() < 0.5 ? 1 : 2;
  if (tone === "mixed") return rng() < 0.65 ? 3 : pick(rng, [2, 4]);
  // Better quality: more 4s and 5s (CSAT % from ~45% at quality 0.1 to ~87% at 0.95).
  const r = rng();
  const q = Math.min(1, Math.max(0, quality));
  const p5 = 0.15 + 0.4 * q;
  const p4 = p5 + 0.25 + 0.1 * q;
  const p3 = p4 + 0.22 - 0.15 * q;
  const p2 = p3 + 0.2 - 0.2 * q;
  return r < p5 ? 5 : r < p4 ? 4 : r < p3 ? 3 : r < p2 ? 2 : 1;
}

function npsFor(rng: Rng, csat: number): number {
  const [lo, hi] = must(NPS_RANGE[csat], `NPS range for ${csat}`);
  return int(rng, lo, hi);
}

const toneOf = (csat: number): Tone => (csat >= 4 ? "pos" : csat === 3 ? "mixed" : "neg");

// ---------------------------------------------------------------------------------------------

async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = 100,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Fills an empty database with Northwind Energy. Does nothing if any user exists. */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing.length > 0) return { created: false };
    await fill(tx, now);
    await seedDashboardHistory(tx, now);
    // The demo rows go in by bulk insert, not through the use cases: build the dashboard's rollups once.
    await rebuildRollups(tx);
    return { created: true };
  });
}

async function fill(tx: Tx, now: Date): Promise<void> {
  const rng = mulberry32(SEED);
  const nowMs = now.getTime();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  /** A day from today (UTC midnight) at an hour and minute UTC. */
  const at = (day: number, hour = 10, minute = 0) => new Date(today + day * DAY + hour * HOUR + minute * MIN);
  /** Never later than a minute ago: seeded history is history. */
  const past = (d: Date) => new Date(Math.min(d.getTime(), nowMs - MIN));

  // Departments and staff.
  const deptIds = new Map<DeptKey, string>();
  const deptRows = (Object.keys(DEPARTMENTS) as DeptKey[]).map((key) => {
    const id = crypto.randomUUID();
    deptIds.set(key, id);
    return { id, name: DEPARTMENTS[key], createdAt: at(-400) };
  });
  await tx.insert(departments).values(deptRows);
  const deptId = (k: DeptKey) => must(deptIds.get(k), `department ${k}`);

  const staffIds = new Map<string, string>();
  const staffRows = STAFF.map((p, i) => {
    const id = crypto.randomUUID();
    staffIds.set(p.key, id);
    return {
      id,
      email: p.email,
      name: p.name,
      role: p.role,
      timeZone: p.timeZone,
      trainedForVulnerable: p.trained ?? false,
      createdAt: at(-390 + i * 9),
    };
  });
  await tx.insert(users).values(staffRows);
  const staffId = (k: string) => must(staffIds.get(k), `staff ${k}`);
  await tx
    .insert(departmentMembers)
    .values(
      STAFF.flatMap((p) =>
        (p.in ?? []).map(([d, isOwner]) => ({ departmentId: deptId(d), userId: staffId(p.key), isOwner })),
      ),
    );
  const membership = new Set(STAFF.flatMap((p) => (p.in ?? []).map(([d]) => `${d}:${p.key}`)));
  // Each department's head is its lead (the member marked owner): overdue actions escalate to them.
  for (const p of STAFF)
    for (const [d, isOwner] of p.in ?? [])
      if (isOwner)
        await tx
          .update(departments)
          .set({ headId: staffId(p.key) })
          .where(eq(departments.id, deptId(d)));

  // Customers.
  const customerIds: string[] = [];
  const customerRows = CUSTOMERS.map((cust, i) => {
    const id = crypto.randomUUID();
    customerIds.push(id);
    return {
      id,
      name: cust.name,
      email: cust.email,
      phone: phoneFor(cust, i),
      language: cust.language,
      timeZone: cust.timeZone,
      tags: cust.tags,
      segment: cust.segment,
      contactPreference: cust.contact,
      accessibilityNotes: cust.notes ?? null,
      createdAt: at(-int(rng, 120, 1400), int(rng, 8, 18), int(rng, 0, 59)),
    };
  });
  await tx.insert(customers).values(customerRows);

  // Sessions, their staff, invitations and consents.
  const sessionIds = new Map<SessionKey, string>();
  const sessionEnd = new Map<SessionKey, Date>();
  const sessionStart = new Map<SessionKey, Date>();
  type Attendee = { invitationId: string; customer: CustomerSeed; sessionKey: SessionKey };
  const attendees: Attendee[] = [];
  const invitationRows: (typeof invitations.$inferInsert)[] = [];
  const consentRows: (typeof consents.$inferInsert)[] = [];

  for (const ses of SESSIONS) {
    const id = crypto.randomUUID();
    sessionIds.set(ses.key, id);
    const duration = ses.duration ?? 45;
    const seats = ses.seats ?? 10;
    const startsAt = at(ses.day, ses.hourUtc);
    const createdAt = past(new Date(startsAt.getTime() - int(rng, 24, 32) * DAY));
    const ended = ses.status === "ended";
    const startedAt = ended ? new Date(startsAt.getTime() + int(rng, 1, 4) * MIN) : null;
    const endedAt = startedAt ? new Date(startedAt.getTime() + (duration + int(rng, -2, 6)) * MIN) : null;
    if (endedAt) sessionEnd.set(ses.key, endedAt);
    if (startedAt) sessionStart.set(ses.key, startedAt);
    await tx.insert(sessions).values({
      id,
      title: ses.title,
      description: ses.description,
      agenda: ses.agenda,
      format: ses.format,
      status: ses.status,
      startsAt,
      durationMinutes: duration,
      timeZone: ses.timeZone,
      seats,
      facilitatorId: staffId(ses.facilitator),
      hostOrganisation: ses.host ?? null,
      tableCount: ses.rounds?.[0] ?? null,
      roundMinutes: ses.rounds?.[1] ?? null,
      incentiveAmountMinor: ses.incentive?.[0] ?? null,
      incentiveCurrency: ses.incentive?.[1] ?? null,
      incentivePaidBy: ses.incentive?.[2] ?? null,
      recordingEnabled: ses.recording ?? false,
      observersHidden: ses.format !== "mass_online",
      startedAt,
      endedAt,
      // A cancelled session's calendar entries were cancelled once (sequence 1), two days ago.
      ...(ses.status === "cancelled" ? { calendarSequence: 1, cancelledAt: past(at(-2, 9, 30)) } : {}),
      createdAt,
    });
    await tx
      .insert(sessionStaff)
      .values(ses.staff.map(([k, roomRole]) => ({ sessionId: id, userId: staffId(k), roomRole })));

    // Who is invited: people the topic fits first, then others.
    const indices = CUSTOMERS.map((_, i) => i);
    const fits = shuffle(
      rng,
      indices.filter((i) => ses.prefer(must(CUSTOMERS[i], "customer"))),
    );
    const others = shuffle(
      rng,
      indices.filter((i) => !ses.prefer(must(CUSTOMERS[i], "customer"))),
    );
    const invited = shuffle(rng, [...fits, ...others].slice(0, ses.invite));
    const statuses = invitationStatuses(rng, ses.status, invited.length, seats);
    const invitedAt = past(new Date(createdAt.getTime() + int(rng, 1, 3) * DAY));
    const revokedAt = ses.status === "cancelled" ? past(at(-2, 9, 30)) : null;

    invited.forEach((ci, n) => {
      const cust = must(CUSTOMERS[ci], "customer");
      const status = must(statuses[n], "status");
      const invitationId = crypto.randomUUID();
      const responded = status !== "invited";
      const respondedAt = responded
        ? past(
            new Date(
              invitedAt.getTime() + rng() * (Math.min(startsAt.getTime(), nowMs) - invitedAt.getTime()) * 0.8,
            ),
          )
        : null;
      const coming =
        status === "accepted" || status === "attended" || status === "no_show" || status === "waitlisted";
      const accommodations: Accommodation[] =
        coming && cust.needs ? cust.needs : coming && rng() < 0.08 ? ["captions"] : [];
      invitationRows.push({
        id: invitationId,
        sessionId: id,
        customerId: must(customerIds[ci], "customer id"),
        status,
        tokenHash: throwAwayTokenHash(),
        tokenExpiresAt: new Date(startsAt.getTime() + 7 * DAY),
        tokenRevokedAt: revokedAt,
        accommodations,
        accommodationOther: coming && cust.needsOther ? cust.needsOther : null,
        respondedAt,
        // Guests who took part are owed the thank-you; most have been paid by now.
        payoutStatus: ses.incentive && status === "attended" ? (rng() < 0.75 ? "paid" : "due") : "not_due",
        createdAt: invitedAt,
      });
      if (respondedAt) {
        // As the invite page records them: one row per purpose shown, on every RSVP (a decline
        // records "no" to taking part).
        const yes = status !== "declined";
        const decisions: [ConsentPurpose, boolean][] = [
          ["participate", yes],
          ["quote_anonymously", yes && rng() < 0.8],
          ["contact_after", yes && rng() < 0.6],
        ];
        if (ses.recording) decisions.push(["record", yes && rng() < 0.7]);
        for (const [purpose, granted] of decisions) {
          consentRows.push({
            invitationId,
            purpose,
            granted,
            textVersion: CONSENT_TEXT_VERSION,
            language: cust.language,
            createdAt: respondedAt,
          });
        }
      }
      if (status === "attended") attendees.push({ invitationId, customer: cust, sessionKey: ses.key });
    });
  }
  await insertChunked(invitationRows, (rows) => tx.insert(invitations).values(rows));
  // An ended speed-dating session keeps the rotation and seating it ran with (as the room fixes them).
  for (const ses of SESSIONS.filter((x) => x.format === "speed_dating" && x.status === "ended" && x.rounds)) {
    const sessionId = must(sessionIds.get(ses.key), "session");
    const tables = must(ses.rounds, "rounds")[0];
    const rotating = rotationOrder(
      ses.staff
        .filter(([, role]) => role !== "facilitator")
        .map(([k]) => ({ id: staffId(k), trained: STAFF.find((p) => p.key === k)?.trained ?? false })),
    );
    await tx
      .insert(speedDatingRotation)
      .values(rotating.map((r, slot) => ({ sessionId, userId: r.id, slot })));
    const seated = seatGuests(
      invitationRows
        .filter((r) => r.sessionId === sessionId && r.status === "attended")
        .map((r) => ({ id: must(r.id, "invitation id"), needsSupport: (r.accommodations ?? []).length > 0 })),
      trainedFirstTables(
        rotating.map((r) => r.trained),
        tables,
      ),
    );
    if (seated.size)
      await tx
        .insert(speedDatingSeats)
        .values([...seated].map(([invitationId, tableIndex]) => ({ sessionId, invitationId, tableIndex })));
  }
  // The wording those consents refer to, as the invite page pins it on first use.
  await tx.insert(consentTexts).values(
    (["en", "zh", "vi"] as const).flatMap((language) =>
      CONSENT_PURPOSES_SHOWN.map((purpose) => {
        const text = consentText(language, purpose);
        return {
          version: CONSENT_TEXT_VERSION,
          language,
          purpose,
          text,
          sha256: createHash("sha256").update(text, "utf8").digest("hex"),
        };
      }),
    ),
  );
  await insertChunked(consentRows, (rows) => tx.insert(consents).values(rows));

  // Reason codes.
  const codeIds = new Map<number, string>();
  await tx.insert(reasonCodes).values(
    REASON_CODES.map((rc) => {
      const id = crypto.randomUUID();
      codeIds.set(rc.number, id);
      return {
        id,
        number: rc.number,
        label: rc.label,
        labelZh: CODE_WORDING[rc.number]?.zh ?? "",
        labelVi: CODE_WORDING[rc.number]?.vi ?? "",
        definition: CODE_WORDING[rc.number]?.definition ?? "",
        example: rc.example,
        active: rc.active ?? true,
        state: rc.active === false ? ("retired" as const) : ("active" as const),
        createdAt: at(rc.active === false ? -500 : -120),
      };
    }),
  );

  // Surveys and responses for attendees of past sessions.
  const surveyRows: (typeof surveys.$inferInsert)[] = [];
  const responseRows: (typeof surveyResponses.$inferInsert)[] = [];
  const evidenceCandidates = new Map<
    InsightKey,
    { responseId: string; quote: string; at: Date; scripted: boolean; customerId: string | null }[]
  >();
  const addCandidate = (
    said: Said,
    responseId: string,
    when: Date,
    scripted: boolean,
    customerId: string | null = null,
  ) => {
    if (!said.topic) return;
    const list = evidenceCandidates.get(said.topic) ?? [];
    list.push({ responseId, quote: said.text, at: when, scripted, customerId });
    evidenceCandidates.set(said.topic, list);
  };
  const scripts = new Map<SessionKey, Said[]>(
    Object.entries(SESSION_COMMENTS).map(([k, v]) => [k as SessionKey, [...(v ?? [])]]),
  );

  for (const a of attendees) {
    const sessionId = must(sessionIds.get(a.sessionKey), "session");
    const endedAt = must(sessionEnd.get(a.sessionKey), "session end");
    const surveyId = crypto.randomUUID();
    const sentAt = new Date(endedAt.getTime() + int(rng, 2, 20) * MIN);
    surveyRows.push({
      id: surveyId,
      sessionId,
      invitationId: a.invitationId,
      tokenHash: throwAwayTokenHash(),
      tokenExpiresAt: new Date(sentAt.getTime() + 14 * DAY),
      sentAt,
      createdAt: sentAt,
    });
    if (rng() >= 0.72) continue; // not answered
    const queue = scripts.get(a.sessionKey) ?? [];
    const idx = queue.findIndex((q) => q.lang === a.customer.language);
    let said: Said | null = idx >= 0 ? (queue.splice(idx, 1)[0] ?? null) : null;
    if (!said && rng() < 0.4)
      said = pick(
        rng,
        GENERAL_COMMENTS.filter((g) => g.lang === a.customer.language),
      );
    const csat = csatFor(rng, said?.tone ?? null, 0.6);
    const responseId = crypto.randomUUID();
    const createdAt = past(new Date(sentAt.getTime() + int(rng, 20, 48 * 60) * MIN));
    responseRows.push({
      id: responseId,
      surveyId,
      sessionId,
      csat,
      nps: npsFor(rng, csat),
      comment: said?.text ?? null,
      language: a.customer.language,
      createdAt,
    });
    if (said)
      addCandidate(
        said,
        responseId,
        createdAt,
        true,
        must(customerIds[CUSTOMERS.indexOf(a.customer)], "customer id"),
      );
  }

  // Twelve weeks of anonymous history for the trends: on-demand surveys after ordinary contacts,
  // filed under the latest past session. Each response needs its own survey (one response per
  // survey), and about 30% of surveys go unanswered so the response rate stays realistic.
  const pastSessions = SESSIONS.filter((x) => x.status === "ended")
    .map((x) => ({ id: must(sessionIds.get(x.key), "session"), endedAt: must(sessionEnd.get(x.key), "end") }))
    .sort((x, y) => x.endedAt.getTime() - y.endedAt.getTime());
  const firstEnd = must(pastSessions[0], "a past session").endedAt.getTime();
  for (let week = 0; week < 12; week++) {
    // Satisfaction improves as actions land, with a dip after the tariff change (weeks 3–4).
    const quality = 0.1 + 0.08 * week - (week === 3 || week === 4 ? 0.25 : 0);
    const count = int(rng, 33, 40);
    for (let k = 0; k < count; k++) {
      // From UTC midnight, so the same choices are made whatever the time of day.
      const sentMs = Math.max(firstEnd + HOUR, today - (12 - week) * 7 * DAY + Math.floor(rng() * 7 * DAY));
      const sentAt = new Date(sentMs);
      const session =
        [...pastSessions].reverse().find((p) => p.endedAt.getTime() <= sentMs) ?? pastSessions[0];
      const sessionId = must(session, "session").id;
      const surveyId = crypto.randomUUID();
      surveyRows.push({
        id: surveyId,
        sessionId,
        invitationId: null,
        tokenHash: throwAwayTokenHash(),
        tokenExpiresAt: new Date(sentMs + 14 * DAY),
        sentAt,
        createdAt: sentAt,
      });
      if (rng() >= 0.7) continue;
      const r = rng();
      const language: Language = r < 0.7 ? "en" : r < 0.85 ? "zh" : "vi";
      const csat = csatFor(rng, null, quality);
      const tone = toneOf(csat);
      const commentChance = tone === "neg" ? 0.55 : tone === "mixed" ? 0.35 : 0.3;
      const said =
        rng() < commentChance
          ? pick(
              rng,
              GENERAL_COMMENTS.filter((g) => g.lang === language && g.tone === tone),
            )
          : null;
      const createdAt = new Date(Math.min(sentMs + int(rng, 10, 36 * 60) * MIN, nowMs - MIN));
      const responseId = crypto.randomUUID();
      responseRows.push({
        id: responseId,
        surveyId,
        sessionId,
        csat,
        nps: npsFor(rng, csat),
        comment: said?.text ?? null,
        language,
        createdAt,
      });
      if (said) addCandidate(said, responseId, createdAt, false);
    }
  }
  // The classic form's answers, keyed as its questions are (lib/domain/surveys.ts CLASSIC_QUESTIONS).
  for (const r of responseRows) {
    r.answers = { ...(r.csat != null ? { csat: r.csat } : {}), ...(r.nps != null ? { nps: r.nps } : {}) };
    r.texts = r.comment ? { comment: r.comment } : {};
  }
  await insertChunked(surveyRows, (rows) => tx.insert(surveys).values(rows));
  await insertChunked(responseRows, (rows) => tx.insert(surveyResponses).values(rows));
  await seedSurveys(tx, {
    createdById: staffId("farah"),
    createdAt: past(new Date(nowMs - 120 * DAY)),
    sent: surveyRows,
    customerOf: new Map(invitationRows.map((i) => [i.id ?? "", i.customerId])),
  });

  // Insights with their reason codes and evidence.
  const insightIds = new Map<InsightKey, string>();
  for (const ins of INSIGHTS) {
    const id = crypto.randomUUID();
    insightIds.set(ins.key, id);
    const createdAt = at(ins.day, 15, int(rng, 0, 59));
    await tx.insert(insights).values({
      id,
      title: ins.title,
      summary: ins.summary,
      customerAxis: ins.customerAxis,
      companyAxis: ins.companyAxis,
      contactsPerMonth: ins.contactsPerMonth,
      handlingMinutes: ins.handlingMinutes,
      hourlyCost: ins.hourlyCost,
      customersAtRisk: ins.customersAtRisk,
      lifetimeValue: ins.lifetimeValue,
      createdById: staffId(ins.by),
      createdAt,
    });
    await tx
      .insert(insightReasonCodes)
      .values(
        ins.codes.map((n) => ({ insightId: id, reasonCodeId: must(codeIds.get(n), `reason code ${n}`) })),
      );
    const candidates = evidenceCandidates.get(ins.key) ?? [];
    // Every scripted session comment on the topic, plus a handful from the everyday history.
    const chosen = [
      ...candidates.filter((x) => x.scripted),
      ...candidates.filter((x) => !x.scripted).slice(-4),
    ];
    const evidence = [
      ...chosen.map((e) => ({
        insightId: id,
        responseId: e.responseId,
        customerId: e.customerId,
        quote: e.quote,
        createdAt: past(new Date(Math.max(createdAt.getTime(), e.at.getTime() + HOUR))),
      })),
      ...ins.quotes.map((quote) => ({ insightId: id, responseId: null, quote, createdAt })),
    ];
    if (evidence.length) await tx.insert(insightEvidence).values(evidence);
  }

  // Actions and their timelines.
  for (const act of ACTIONS) {
    if (!membership.has(`${act.dept}:${act.owner}`)) {
      throw new Error(`seed: ${act.owner} is not a member of ${act.dept}`);
    }
    const id = crypto.randomUUID();
    const times = act.steps.map((st) => past(at(st.day, int(rng, 8, 16), int(rng, 0, 59))));
    const last = must(act.steps[act.steps.length - 1], "action step");
    const status = last.to;
    const lastDoneIndex = act.steps.map((st) => st.to).lastIndexOf("done");
    const lastDone = act.steps[lastDoneIndex];
    const verifiedIndex = act.steps.map((st) => st.to).lastIndexOf("verified");
    await tx.insert(actions).values({
      id,
      insightId: must(insightIds.get(act.insight), "insight"),
      departmentId: deptId(act.dept),
      ownerId: staffId(act.owner),
      createdById: staffId(must(act.steps[0], "first step").by),
      title: act.title,
      status,
      deadline: at(act.deadline, 17),
      resolutionNote: lastDone?.note ?? null,
      doneAt: status === "done" || status === "verified" ? (times[lastDoneIndex] ?? null) : null,
      verifiedAt: status === "verified" ? (times[verifiedIndex] ?? null) : null,
      createdAt: must(times[0], "action creation"),
    });
    await tx.insert(actionEvents).values(
      act.steps.map((st, i) => ({
        actionId: id,
        actorId: staffId(st.by),
        fromStatus: i === 0 ? null : must(act.steps[i - 1], "previous step").to,
        toStatus: st.to,
        note: st.note ?? null,
        createdAt: must(times[i], "step time"),
      })),
    );
  }

  await seedRoomHistory(tx, rng, {
    attendees: attendees.map((a) => ({
      invitationId: a.invitationId,
      customerId: must(customerIds[CUSTOMERS.indexOf(a.customer)], "customer id"),
      sessionId: must(sessionIds.get(a.sessionKey), "session"),
      startedAt: must(sessionStart.get(a.sessionKey), "session start"),
      endedAt: must(sessionEnd.get(a.sessionKey), "session end"),
      sessionKey: a.sessionKey,
    })),
    s1: must(sessionIds.get("s1"), "session s1"),
    staffId,
    deptId,
    codeId: (n: number) => must(codeIds.get(n), `reason code ${n}`),
  });
}

/**
 * What the room left behind for ended sessions: attendance from the webhooks, and for the first
 * story circle a small backroom (questions, one merged, and timestamped notes).
 */
async function seedRoomHistory(
  tx: Tx,
  rng: Rng,
  d: {
    attendees: {
      invitationId: string;
      customerId: string;
      sessionId: string;
      startedAt: Date;
      endedAt: Date;
      sessionKey: string;
    }[];
    s1: string;
    staffId: (k: string) => string;
    deptId: (k: DeptKey) => string;
    codeId: (n: number) => string;
  },
): Promise<void> {
  const rows = d.attendees.map((a, n) => {
    const joinedAt = new Date(a.startedAt.getTime() + int(rng, 0, 180) * 1000);
    const leftAt = new Date(a.endedAt.getTime() - int(rng, 0, 120) * 1000);
    return {
      sessionId: a.sessionId,
      participantSid: `PA_seed${n}`,
      identity: `cust_${a.invitationId}`,
      invitationId: a.invitationId,
      joinedAt,
      leftAt,
      durationSeconds: Math.round((leftAt.getTime() - joinedAt.getTime()) / 1000),
    };
  });
  await insertChunked(rows, (r) => tx.insert(roomAttendance).values(r));
  const s1 = d.attendees.filter((a) => a.sessionKey === "s1");
  const start = must(s1[0], "s1 attendee").startedAt.getTime();
  const q1 = crypto.randomUUID();
  const q2 = crypto.randomUUID();
  await tx.insert(roomQuestions).values([
    {
      id: q1,
      sessionId: d.s1,
      text: "When the bill jumped, what did you expect us to tell you first?",
      authorId: d.staffId("olu"),
      status: "asked",
      createdAt: new Date(start + 9 * MIN),
      updatedAt: new Date(start + 21 * MIN),
    },
    {
      id: q2,
      sessionId: d.s1,
      text: "What would have helped before the new tariff started?",
      authorId: d.staffId("amira"),
      status: "merged",
      mergedIntoId: q1,
      createdAt: new Date(start + 11 * MIN),
      updatedAt: new Date(start + 12 * MIN),
    },
  ]);
  await tx.insert(roomQuestionVotes).values([
    { questionId: q1, userId: d.staffId("olu") },
    { questionId: q1, userId: d.staffId("amira") },
    { questionId: q1, userId: d.staffId("farah") },
    { questionId: q2, userId: d.staffId("amira") },
  ]);
  const notes = [
    {
      at: 312,
      kind: "quote" as const,
      text: "Nobody told me the direct debit would double. I found out from my bank.",
      emotion: "angry" as const,
      contact: "first" as const,
      dept: "billing" as const,
      codes: [1, 6],
      who: 0,
    },
    {
      at: 845,
      kind: "quote" as const,
      text: "I called three times and got three different answers.",
      emotion: "frustrated" as const,
      contact: "repeat" as const,
      dept: "contact" as const,
      codes: [2],
      who: 1,
    },
    {
      at: 1530,
      kind: "summary" as const,
      text: "Several guests expected a letter before the tariff change, not after.",
      emotion: "confused" as const,
      contact: "unknown" as const,
      dept: "billing" as const,
      codes: [1],
      who: null,
    },
  ];
  for (const n of notes) {
    const id = crypto.randomUUID();
    await tx.insert(roomNotes).values({
      id,
      sessionId: d.s1,
      authorId: d.staffId("amira"),
      kind: n.kind,
      text: n.text,
      atSeconds: n.at,
      emotion: n.emotion,
      contact: n.contact,
      departmentId: d.deptId(n.dept),
      customerId: n.who === null ? null : must(s1[n.who], "s1 attendee").customerId,
      createdAt: new Date(start + n.at * 1000 + 20_000),
    });
    await tx
      .insert(roomNoteReasonCodes)
      .values(n.codes.map((c) => ({ noteId: id, reasonCodeId: d.codeId(c) })));
  }
}

/** Realistic RSVP states for a session of a given status. */
function invitationStatuses(
  rng: Rng,
  status: SessionSeed["status"],
  n: number,
  seats: number,
): InvitationStatus[] {
  const out: InvitationStatus[] = [];
  if (status === "draft") return Array.from({ length: n }, () => "invited");
  if (status === "ended") {
    const noShows = int(rng, 1, 2);
    for (let i = 0; i < n; i++) {
      if (i === 0 && n >= 8) out.push("declined");
      else if (out.filter((x) => x === "no_show").length < noShows && i <= 2) out.push("no_show");
      else if (out.filter((x) => x === "attended" || x === "no_show").length < seats) out.push("attended");
      else out.push("waitlisted");
    }
    return shuffle(rng, out);
  }
  if (status === "cancelled") {
    for (let i = 0; i < n; i++) out.push(i === 0 ? "declined" : rng() < 0.6 ? "accepted" : "invited");
    return shuffle(rng, out);
  }
  // Scheduled: a full session waitlists the rest; otherwise some have not answered yet.
  if (n > seats) {
    for (let i = 0; i < n; i++) out.push(i < seats ? "accepted" : i === seats ? "declined" : "waitlisted");
    return shuffle(rng, out);
  }
  for (let i = 0; i < n; i++) out.push(i === 0 ? "declined" : rng() < 0.65 ? "accepted" : "invited");
  return shuffle(rng, out);
}
