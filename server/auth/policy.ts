import type { StaffRole } from "@/lib/domain/staff";
import { type DomainError, forbidden } from "@/server/errors";
import type { Actor, CustomerActor, RespondentActor, StaffActor } from "./actor";

/**
 * The written policy: who may do what. `roles` lists the staff roles allowed at all; `rule`, when
 * present, narrows it to the resource at hand. Customer and respondent links are allowed only
 * where `link` says so, and only for their own invitation, session or survey.
 * docs/authorization.md renders this table; tests/integration/authorization.test.ts reads it.
 */
export type Resource = {
  sessionFacilitatorId?: string;
  sessionStaffIds?: readonly string[];
  sessionId?: string;
  invitationId?: string;
  surveyId?: string;
  departmentId?: string;
  ownerId?: string;
  /** Mass immersion: any staff member may listen in as an open observer (hidden, listen-only). */
  sessionOpenToStaff?: boolean;
  /** Facilitators of the sessions a customer was invited to (empty: known only from the directory). */
  customerFacilitatorIds?: readonly string[];
};

type Rule = {
  roles: readonly StaffRole[];
  /** Extra condition for staff (admins always pass it). */
  staffRule?: (actor: StaffActor, r: Resource) => boolean;
  link?: "invitation" | "respondent";
  describe: string;
};

const ALL_STAFF = ["admin", "facilitator", "executive", "agent"] as const;
const RUNS_SESSIONS = ["admin", "facilitator"] as const;

const ownsSession = (a: StaffActor, r: Resource) => r.sessionFacilitatorId === a.userId;
const attendsSession = (a: StaffActor, r: Resource) =>
  ownsSession(a, r) || (r.sessionStaffIds ?? []).includes(a.userId);
/** Attending, or listening in on a mass immersion without being on its staff list. */
const listensIn = (a: StaffActor, r: Resource) => attendsSession(a, r) || r.sessionOpenToStaff === true;
/** A facilitator of one of the customer's sessions; a directory-only customer is anyone's to invite. */
const facilitatesCustomer = (a: StaffActor, r: Resource) =>
  r.customerFacilitatorIds !== undefined &&
  (r.customerFacilitatorIds.length === 0 || r.customerFacilitatorIds.includes(a.userId));
const worksAction = (a: StaffActor, r: Resource) =>
  r.ownerId === a.userId || a.departments.some((d) => d.id === r.departmentId && d.isOwner);
// Agents (and department owners, who are agents) see their own department's actions only.
const seesAction = (a: StaffActor, r: Resource) =>
  a.role !== "agent" || r.ownerId === a.userId || a.departments.some((d) => d.id === r.departmentId);

export const POLICY = {
  "session.list": { roles: ALL_STAFF, describe: "See the list of sessions" },
  "session.read": { roles: ALL_STAFF, describe: "See a session's details and RSVP board" },
  "session.create": { roles: RUNS_SESSIONS, describe: "Create a session" },
  "session.manage": {
    roles: RUNS_SESSIONS,
    staffRule: ownsSession,
    describe:
      "Invite (by hand, tag or segment), start, end, reschedule, cancel a session; correct attendance (its facilitator)",
  },
  "session.briefing": {
    roles: RUNS_SESSIONS,
    staffRule: attendsSession,
    describe: "Read the facilitator briefing: each guest's accommodations, notes and consents",
  },
  "customer.list": { roles: RUNS_SESSIONS, describe: "Browse the customer directory (personal data)" },
  "customer.read": {
    roles: ALL_STAFF,
    describe: "Open one customer's record: contact details and preferences (every read audited)",
  },
  "customer.contact.read": {
    roles: RUNS_SESSIONS,
    staffRule: facilitatesCustomer,
    describe:
      "See a customer's name and contact details (admins; facilitators of the customer's sessions, or anyone's for a customer not invited yet); others see a pseudonym",
  },
  "customer.manage": { roles: RUNS_SESSIONS, describe: "Create or edit a customer" },
  "customer.erase": {
    roles: ["admin"],
    describe: "Erase a customer on request (the same erasure as a withdrawal; the reason audited)",
  },
  "customer.import": {
    roles: RUNS_SESSIONS,
    describe: "Import customers from a CSV file (preview, then confirm)",
  },
  "customer.export": { roles: RUNS_SESSIONS, describe: "Export everything held about one customer (JSON)" },
  "customer.accessibility.read": {
    roles: RUNS_SESSIONS,
    describe: "See customers' accommodations and accessibility notes",
  },
  "customer.moderation.read": {
    roles: RUNS_SESSIONS,
    describe: "See a customer's moderation history (warnings and removals in past sessions)",
  },
  "invitation.respond": {
    roles: [],
    link: "invitation",
    describe: "Read one's own invitation, consent, RSVP, withdraw (customer link)",
  },
  "room.join": {
    roles: ALL_STAFF,
    staffRule: listensIn,
    link: "invitation",
    describe:
      "Get a LiveKit token for the session's room (attending staff; any staff as a listen-only observer of a mass immersion; invited customer)",
  },
  "room.moderate": {
    roles: RUNS_SESSIONS,
    staffRule: ownsSession,
    describe:
      "Warn or remove a participant, mute, give or take back the floor, run the question queue (its facilitator)",
  },
  "room.backroom": {
    roles: ALL_STAFF,
    staffRule: listensIn,
    describe:
      "Read and write the room's backroom: submit and up-vote questions, take notes (attending staff; a mass immersion's open observers)",
  },
  "room.guest_names": {
    roles: RUNS_SESSIONS,
    staffRule: ownsSession,
    describe:
      "See the guests' names in a session's room, story order and tables (its facilitator; admins; audited); other attending staff see pseudonyms",
  },
  "room.caption": {
    roles: ALL_STAFF,
    staffRule: attendsSession,
    describe: "Type live captions that everyone in the room sees (attending staff)",
  },
  "survey.respond": { roles: [], link: "respondent", describe: "Answer one's own survey (survey link)" },
  "survey.read": {
    roles: ALL_STAFF,
    describe: "Read survey responses and export them as CSV (anonymous: no names, only the session)",
  },
  "survey.template.manage": {
    roles: RUNS_SESSIONS,
    describe:
      "Build and edit survey templates (each edit of a used version makes a new one); set format defaults",
  },
  "insight.read": { roles: ALL_STAFF, describe: "Read insights and their evidence" },
  "insight.create": { roles: RUNS_SESSIONS, describe: "Turn what was heard into an insight" },
  "insight.edit": {
    roles: RUNS_SESSIONS,
    describe: "Edit an insight, add or remove its evidence, triage notes into insights",
  },
  "notes.triage": {
    roles: RUNS_SESSIONS,
    describe: "Read a session's notes (and the listening log) to triage them into insights",
  },
  "listening.write": {
    roles: ALL_STAFF,
    describe: "Log what was heard outside a session (listening log)",
  },
  "codebook.read": {
    roles: ALL_STAFF,
    describe: "Read the codebook: reason codes, wordings, examples, history",
  },
  "codebook.propose": { roles: RUNS_SESSIONS, describe: "Propose a new reason code" },
  "codebook.manage": {
    roles: ["admin"],
    describe: "Approve, edit, renumber, retire reason codes",
  },
  "department.manage": {
    roles: ["admin"],
    describe: "Create and rename departments, name each one's head, choose its members and owners",
  },
  "action.list": {
    roles: ALL_STAFF,
    describe: "See action lists (agents: their own and their departments' actions only)",
  },
  "action.read": {
    roles: ALL_STAFF,
    staffRule: seesAction,
    describe: "Open an action and its timeline, and comment on it (agents: their departments' only)",
  },
  "action.create": { roles: RUNS_SESSIONS, describe: "Assign an action to a department" },
  "action.edit": {
    roles: RUNS_SESSIONS,
    describe: "Edit or reassign an action (title, department, owner, deadline)",
  },
  "action.work": {
    roles: ALL_STAFF,
    staffRule: worksAction,
    describe: "Move an action forward or resolve it (its owner or a department owner)",
  },
  "action.verify": { roles: RUNS_SESSIONS, describe: "Verify a resolved action or reopen it" },
  "action.tell_customers": {
    roles: RUNS_SESSIONS,
    describe: 'See, hold or send the "you told us, we changed" messages of a verified action',
  },
  "dashboard.read": {
    roles: ["admin", "facilitator", "executive"],
    describe:
      "Executive dashboard: trends, reason codes, emerging issues, scorecards, before/after, quotes, CSV and PDF",
  },
  "dashboard.outreach": {
    roles: ["admin", "facilitator", "executive"],
    describe:
      "Review, edit and send a drafted outreach email about an emerging issue to the customers who raised it and agreed to be contacted",
  },
  "digest.subscribe": {
    roles: ALL_STAFF,
    staffRule: (a) => a.role === "executive" || a.departments.some((d) => d.isOwner),
    describe: "Choose to receive the weekly digest email (executives and department heads)",
  },
  "settings.manage": {
    roles: ["admin"],
    describe: "Set the company profile, currency, survey frequency cap and retention period",
  },
  "user.manage": {
    roles: ["admin"],
    describe: "Invite staff, set their role, zone and training, deactivate them",
  },
  "consent.manage": {
    roles: ["admin"],
    describe:
      "Write a new version of the consent texts (en, zh-CN, vi) with a preview; old versions stay as they were",
  },
  "integrations.read": {
    roles: ["admin"],
    describe: "See the integrations (LiveKit, SMTP, database, SSO): configured or not, answering or not",
  },
  "profile.manage": {
    roles: ALL_STAFF,
    describe: "Set one's own time zone and language preference (each staff member, for themselves)",
  },
  "audit.read": { roles: ["admin"], describe: "Read and export the audit log (who read or changed what)" },
  "mailbox.read": { roles: ["admin", "facilitator"], describe: "Development mailbox and outbox state" },
  "delivery.read": {
    roles: ["admin"],
    describe: "See dead-lettered emails, failed and stuck background jobs, and worker health",
  },
} as const satisfies Record<string, Rule>;

export type PolicyAction = keyof typeof POLICY;

/** The one authorization decision. Fails closed: unknown actors and missing resources are denied. */
export function can(actor: Actor, action: PolicyAction, resource: Resource = {}): boolean {
  const rule: Rule = POLICY[action];
  switch (actor.kind) {
    case "staff": {
      if (!rule.roles.includes(actor.role)) return false;
      if (actor.role === "admin" || !rule.staffRule) return true;
      return rule.staffRule(actor, resource);
    }
    case "customer":
      return (
        rule.link === "invitation" &&
        (resource.invitationId === undefined || resource.invitationId === actor.invitationId) &&
        (resource.sessionId === undefined || resource.sessionId === actor.sessionId) &&
        (resource.invitationId !== undefined || resource.sessionId !== undefined)
      );
    case "respondent":
      return rule.link === "respondent" && resource.surveyId === actor.surveyId;
    default:
      return false;
  }
}

/** The kinds of actor a policy action can ever allow: staff when it lists roles, a link holder when it names one. */
export type ActorFor<A extends PolicyAction> =
  | ((typeof POLICY)[A]["roles"] extends readonly [] ? never : StaffActor)
  | ((typeof POLICY)[A] extends { link: "invitation" } ? CustomerActor : never)
  | ((typeof POLICY)[A] extends { link: "respondent" } ? RespondentActor : never);

/**
 * can() as a guard: throws (forbidden by default; pass `deny` to make a refusal look like a
 * missing resource) and, when it returns, the actor's type is narrowed to the kinds the action allows.
 */
export function assertCan<A extends PolicyAction>(
  actor: Actor,
  action: A,
  resource: Resource = {},
  deny: () => DomainError = forbidden,
): asserts actor is ActorFor<A> {
  if (!can(actor, action, resource)) throw deny();
}
