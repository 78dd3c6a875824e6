import "../support/test-env";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import { actions, customers, invitations, reasonCodes, sessionStaff, sessions } from "@/db/schema";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { commentActionItem } from "@/server/action-items/comment-action-item";
import { createActionItem as createAction } from "@/server/action-items/create-action-item";
import { editActionItem } from "@/server/action-items/edit-action-item";
import { getActionItem as getAction } from "@/server/action-items/get-action-item";
import { listAllActionItems as listAllActions } from "@/server/action-items/list-all-action-items";
import { listMyActionItems as listMyActions } from "@/server/action-items/list-my-action-items";
import { moveActionItem as transitionAction } from "@/server/action-items/move-action-item";
import { setDepartmentHead } from "@/server/action-items/set-department-head";
import { decideChangeMessages } from "@/server/action-items/tell-customers/decide-change-messages";
import { listAuditLog } from "@/server/admin/audit-log";
import { listDepartments, saveDepartment, setDepartmentMember } from "@/server/admin/departments";
import { listIntegrations } from "@/server/admin/integrations";
import { createUser, listUsers, updateUser } from "@/server/admin/users";
import { beforeAfter } from "@/server/analytics/before-after";
import { dashboardFacets } from "@/server/analytics/dashboard-facets";
import { dashboardNumbers } from "@/server/analytics/dashboard-numbers";
import { digestSubscribed, setDigestSubscription } from "@/server/analytics/digest/subscription";
import { emergingIssues } from "@/server/analytics/emerging-issues";
import { loadDashboard } from "@/server/analytics/load-dashboard";
import { outreachDraft } from "@/server/analytics/outreach-draft";
import { reasonCodePareto } from "@/server/analytics/pareto";
import { tellingQuotes } from "@/server/analytics/quotes";
import { departmentScorecards } from "@/server/analytics/scorecards";
import { sendOutreach } from "@/server/analytics/send-outreach";
import { dashboardTrends } from "@/server/analytics/trends";
import type { Actor } from "@/server/auth/actor";
import { can, POLICY, type PolicyAction } from "@/server/auth/policy";
import { createConsentVersion, listConsentVersions } from "@/server/consent/consent-versions";
import { eraseCustomerByStaff } from "@/server/customers/erase-customer-by-staff";
import { exportCustomer } from "@/server/customers/export-customer";
import { getCustomer } from "@/server/customers/get-customer";
import { importCustomers, previewCustomerImport } from "@/server/customers/import-customers";
import { listCustomers, listCustomersPage } from "@/server/customers/list-customers";
import { createCustomer, updateCustomer } from "@/server/customers/save-customer";
import { DomainError, forbidden } from "@/server/errors";
import { staffHome } from "@/server/home/staff-home";
import { attachEvidence, removeEvidence } from "@/server/insights/change-evidence";
import { createInsight } from "@/server/insights/create-insight";
import { getInsight } from "@/server/insights/get-insight";
import { insightGrid } from "@/server/insights/insight-grid";
import { listInsightTitles } from "@/server/insights/list-insight-titles";
import { listInsights } from "@/server/insights/list-insights";
import { listUntriagedComments } from "@/server/insights/list-untriaged-comments";
import { previewEvidence } from "@/server/insights/preview-evidence";
import { updateInsight } from "@/server/insights/update-insight";
import { invitationView } from "@/server/invitations/invitation-view";
import { countAudience, inviteAudience } from "@/server/invitations/invite-audience";
import { addListeningNote } from "@/server/notes/add-listening-note";
import { listListeningLog } from "@/server/notes/list-listening-log";
import { listSessionNotes } from "@/server/notes/list-session-notes";
import { deliveryProblems } from "@/server/notify/delivery-problems";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { listCodebook } from "@/server/reason-codes/list-codebook";
import { proposeReasonCode, saveReasonCode } from "@/server/reason-codes/save-reason-code";
import { setReasonCodeState } from "@/server/reason-codes/set-reason-code-state";
import { sessionAttendance } from "@/server/rooms/attendance";
import { addNote } from "@/server/rooms/backroom/add-note";
import { submitQuestion } from "@/server/rooms/backroom/submit-question";
import { sendCaption } from "@/server/rooms/captions";
import { setFloor } from "@/server/rooms/floor";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { customerModerationHistory } from "@/server/rooms/moderation/moderation-history";
import { speedDatingView } from "@/server/rooms/speed-dating";
import { staffRoomView } from "@/server/rooms/staff-room";
import { moveStoryTurn } from "@/server/rooms/story-turns";
import { cancelSession } from "@/server/sessions/cancel-session";
import { correctAttendance } from "@/server/sessions/correct-attendance";
import { createSession } from "@/server/sessions/create-session";
import { getSessionDetail } from "@/server/sessions/get-session";
import { listSessions, listSessionsPage, sessionsInRange } from "@/server/sessions/list-sessions";
import { rescheduleSession } from "@/server/sessions/reschedule-session";
import { updateCompanySettings } from "@/server/settings/update-company-settings";
import { getOwnProfile, updateOwnProfile } from "@/server/staff/own-profile";
import {
  exportSurveyResponses,
  listSurveyResponses,
  responseFilterChoices,
} from "@/server/surveys/list-responses";
import { getSurveyTemplate, listSurveyTemplates } from "@/server/surveys/list-templates";
import { saveSurveyTemplate } from "@/server/surveys/save-template";
import { saveSessionSurvey, sendSurveyNow, sessionSurveyPanel } from "@/server/surveys/session-survey";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import { getSurveyPage } from "@/server/surveys/survey-page";
import { seededDb } from "../support/seeded-db";

/**
 * Every server action and route handler, with the policy action(s) it is guarded by. A new
 * endpoint that is not listed here fails the inventory test below.
 */
const ENDPOINTS: Record<
  string,
  readonly (
    | PolicyAction
    | "public"
    | "staff-session"
    | "own-cookie"
    | "webhook-signature"
    | "metrics-token"
  )[]
> = {
  "app/(staff)/sessions/actions.ts#createSessionAction": ["session.create"],
  "app/(staff)/sessions/actions.ts#inviteCustomersAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#startSessionAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#endSessionAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#updateSessionAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#scheduleDraftAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#setSessionStaffAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#removeSessionStaffAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#setPayoutAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#reissueLinkAction": ["session.manage"],
  "app/(staff)/sessions/actions.ts#revokeLinkAction": ["session.manage"],
  "app/(staff)/sessions/[id]/schedule-actions.ts#rescheduleSessionAction": ["session.manage"],
  "app/(staff)/sessions/[id]/schedule-actions.ts#cancelSessionAction": ["session.manage"],
  "app/(staff)/sessions/[id]/schedule-actions.ts#inviteAudienceAction": ["session.manage", "customer.list"],
  "app/(staff)/sessions/[id]/schedule-actions.ts#previewAudienceAction": ["session.manage", "customer.list"],
  "app/(staff)/sessions/[id]/schedule-actions.ts#correctAttendanceAction": ["session.manage"],
  "app/(staff)/insights/actions.ts#createInsightAction": ["insight.create"],
  "app/(staff)/insights/actions.ts#createActionItemAction": ["action.create"],
  "app/(staff)/insights/actions.ts#updateInsightAction": ["insight.edit"],
  "app/(staff)/insights/actions.ts#attachEvidenceAction": ["insight.edit"],
  "app/(staff)/insights/actions.ts#removeEvidenceAction": ["insight.edit"],
  "app/(staff)/actions/actions.ts#moveActionItemAction": ["action.work", "action.verify"],
  "app/(staff)/actions/actions.ts#editActionItemAction": ["action.edit"],
  "app/(staff)/actions/actions.ts#setDepartmentHeadAction": ["department.manage"],
  "app/(staff)/codebook/actions.ts#saveReasonCodeAction": ["codebook.manage"],
  "app/(staff)/listening-log/actions.ts#addListeningNoteAction": ["listening.write"],
  "app/(staff)/codebook/actions.ts#proposeReasonCodeAction": ["codebook.propose"],
  "app/(staff)/codebook/actions.ts#setReasonCodeStateAction": ["codebook.manage"],
  "app/(staff)/actions/actions.ts#commentActionItemAction": ["action.read"],
  "app/(staff)/actions/actions.ts#decideChangeMessagesAction": ["action.tell_customers"],
  "app/(staff)/customers/actions.ts#createCustomerAction": ["customer.manage"],
  "app/(staff)/customers/actions.ts#updateCustomerAction": ["customer.manage"],
  "app/(staff)/customers/actions.ts#eraseCustomerAction": ["customer.erase"],
  "app/(staff)/admin/actions.ts#createUserAction": ["user.manage"],
  "app/(staff)/admin/actions.ts#updateUserAction": ["user.manage"],
  "app/(staff)/admin/actions.ts#updateSettingsAction": ["settings.manage"],
  "app/(staff)/admin/actions.ts#saveDepartmentAction": ["department.manage"],
  "app/(staff)/admin/actions.ts#createConsentVersionAction": ["consent.manage"],
  "app/(staff)/profile/actions.ts#updateOwnProfileAction": ["profile.manage"],
  "app/(staff)/admin/actions.ts#setDepartmentMemberAction": ["department.manage"],
  "app/(staff)/admin/audit/export/route.ts#POST": ["audit.read"],
  "app/(staff)/customers/actions.ts#previewImportAction": ["customer.import"],
  "app/(staff)/customers/actions.ts#importCustomersAction": ["customer.import"],
  "app/(staff)/customers/[id]/export/route.ts#POST": ["customer.export"],
  "app/(staff)/dashboard/export/route.ts#GET": ["dashboard.read"],
  "app/(staff)/dashboard/outreach/actions.ts#sendOutreachAction": ["dashboard.outreach"],
  "app/(staff)/dashboard/digest-actions.ts#setDigestAction": ["digest.subscribe"],
  "app/(staff)/dashboard/pdf/route.ts#GET": ["dashboard.read"],
  "app/(staff)/sign-out-action.ts#signOutAction": ["staff-session"],
  "app/sign-in/actions.ts#emailSignIn": ["public"],
  "app/sign-in/actions.ts#oidcSignIn": ["public"],
  "app/sign-in/actions.ts#demoSignIn": ["public"],
  "app/(customer)/invite/actions.ts#respondAction": ["invitation.respond"],
  "app/(customer)/invite/actions.ts#withdrawAction": ["invitation.respond"],
  "app/(customer)/survey/actions.ts#submitSurveyAction": ["survey.respond"],
  "app/(staff)/surveys/actions.ts#saveTemplateAction": ["survey.template.manage"],
  "app/(staff)/surveys/responses/export/route.ts#GET": ["survey.read"],
  "app/(staff)/sessions/[id]/survey-actions.ts#saveSessionSurveyAction": ["session.manage"],
  "app/(staff)/sessions/[id]/survey-actions.ts#sendSurveyNowAction": ["session.manage"],
  "app/(customer)/survey/actions.ts#withdrawFromSurveyAction": ["survey.respond"],
  "app/(customer)/preferences-actions.ts#setCustomerPreferences": ["own-cookie"],
  "app/api/auth/[...nextauth]/route.ts#GET": ["public"],
  "app/api/auth/[...nextauth]/route.ts#POST": ["public"],
  "app/api/health/route.ts#GET": ["public"],
  "app/api/ping/route.ts#GET": ["public"],
  // No database, no personal data: the bench's same-shape reference for the survey submit.
  "app/api/ping/route.ts#POST": ["public"],
  "app/api/survey-response/route.ts#POST": ["survey.respond"],
  "app/api/livekit/token/route.ts#POST": ["room.join"],
  // Authorized by LiveKit's signature over the raw body (tests/integration/room-webhook.test.ts).
  "app/api/livekit/webhook/route.ts#POST": ["webhook-signature"],
  // A scraper's bearer token, METRICS_TOKEN; 404 when unset (tests/integration/metrics.test.ts).
  "app/api/metrics/route.ts#GET": ["metrics-token"],
  "app/(staff)/sessions/[id]/room/actions.ts#moderateAction": ["room.moderate"],
  "app/(staff)/sessions/[id]/room/actions.ts#muteAction": ["room.moderate"],
  "app/(staff)/sessions/[id]/room/actions.ts#floorAction": ["room.moderate"],
  "app/(staff)/sessions/[id]/room/actions.ts#submitQuestionAction": ["room.backroom"],
  "app/(staff)/sessions/[id]/room/actions.ts#questionAction": ["room.backroom", "room.moderate"],
  "app/(staff)/sessions/[id]/room/actions.ts#mergeQuestionsAction": ["room.moderate"],
  "app/(staff)/sessions/[id]/room/actions.ts#addNoteAction": ["room.backroom"],
  "app/(staff)/sessions/[id]/room/actions.ts#loadRoomAction": ["room.backroom"],
  "app/(staff)/sessions/[id]/room/actions.ts#captionAction": ["room.caption"],
  "app/(staff)/sessions/[id]/room/actions.ts#storyTurnAction": ["room.moderate"],
  "app/i/[token]/route.ts#GET": ["public"],
  "app/s/[token]/route.ts#GET": ["public"],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function endpointsInApp(): string[] {
  const found: string[] = [];
  for (const file of walk("app").filter((f) => /\.(ts|tsx)$/.test(f))) {
    const src = readFileSync(file, "utf8");
    const isRoute = /(^|\/)route\.ts$/.test(file);
    if (!isRoute && !/^["']use server["']/m.test(src)) continue;
    for (const m of src.matchAll(/export (?:async function|const \{?\s*)([A-Za-z, ]+)/g)) {
      for (const name of m[1]!.split(",").map((s) => s.trim().split(" ")[0]!)) {
        if (isRoute && !/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) continue;
        if (name) found.push(`${file}#${name}`);
      }
    }
  }
  return found.sort();
}

describe("endpoint inventory", () => {
  it("lists every server action and route handler in the authorization table", () => {
    const missing = endpointsInApp().filter((e) => !(e in ENDPOINTS));
    expect(missing).toEqual([]);
    for (const guards of Object.values(ENDPOINTS)) {
      for (const g of guards)
        if (!["public", "staff-session", "own-cookie", "webhook-signature", "metrics-token"].includes(g))
          expect(POLICY).toHaveProperty(g);
    }
  });
});

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let actors: Record<string, Actor>;
let ctx: {
  sessionId: string;
  staffIds: string[];
  insightId: string;
  actionId: string;
  actionResource: { departmentId: string; ownerId: string };
  foreignActionId: string;
  customerId: string;
  /** The facilitator's own sessions for schedule calls: one not started, one already ended. */
  openSessionId: string;
  endedSessionId: string;
};

beforeAll(async () => {
  staff = await seededDb();
  const session = await db.query.sessions.findFirst({
    where: eq(sessions.facilitatorId, staff.facilitator.userId),
  });
  const inv = await db.query.invitations.findFirst({ where: eq(invitations.sessionId, session!.id) });
  const survey = await db.query.surveys.findFirst();
  const billing = staff.owner.departments.find((d) => d.isOwner)!.id;
  const mine = await db.query.actions.findFirst({ where: eq(actions.departmentId, billing) });
  const foreign = await db.query.actions.findFirst({
    where: (a, { ne }) => ne(a.departmentId, billing),
  });
  const staffIds = (await db.select().from(sessionStaff).where(eq(sessionStaff.sessionId, session!.id))).map(
    (s) => s.userId,
  );
  const newOwnSession = async () =>
    (
      await createSession(staff.facilitator, {
        title: "Matrix schedule",
        description: "",
        format: "panel",
        startsAtLocal: new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 16),
        timeZone: "UTC",
        durationMinutes: 45,
        seats: 10,
        observersHidden: true,
      })
    ).id;
  const openSessionId = await newOwnSession();
  const endedSessionId = await newOwnSession();
  await db.update(sessions).set({ status: "ended" }).where(eq(sessions.id, endedSessionId));
  ctx = {
    openSessionId,
    endedSessionId,
    sessionId: session!.id,
    staffIds,
    insightId: mine!.insightId,
    actionId: mine!.id,
    actionResource: { departmentId: mine!.departmentId, ownerId: mine!.ownerId },
    foreignActionId: foreign!.id,
    customerId: inv!.customerId,
  };
  actors = {
    anonymous: { kind: "anonymous" },
    customer: {
      kind: "customer",
      invitationId: inv!.id,
      customerId: inv!.customerId,
      sessionId: session!.id,
    },
    respondent: { kind: "respondent", surveyId: survey!.id, sessionId: survey!.sessionId },
    agent: staff.agent,
    executive: staff.executive,
    owner: staff.owner,
    facilitator: staff.facilitator,
    admin: staff.admin,
  };
});

/** Runs a domain call; denied means a DomainError that hides the resource or refuses access. */
async function outcome(fn: () => Promise<unknown>): Promise<"allowed" | "denied"> {
  try {
    await fn();
    return "allowed";
  } catch (e) {
    if (e instanceof DomainError && ["forbidden", "not_found", "unauthenticated"].includes(e.code))
      return "denied";
    if (e instanceof DomainError || e instanceof ZodError) return "allowed"; // past authorization, refused for another reason
    throw e;
  }
}

const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 16);

describe("authorization matrix (domain layer, every role)", () => {
  const cases: [string, PolicyAction, (a: Actor) => Promise<unknown>, (a: Actor) => boolean][] = [
    ["listSessions", "session.list", (a) => listSessions(a), (a) => can(a, "session.list")],
    [
      "listSessionsPage",
      "session.list",
      (a) => listSessionsPage(a, { page: "2", sort: "title" }),
      (a) => can(a, "session.list"),
    ],
    [
      "getSessionDetail",
      "session.read",
      (a) => getSessionDetail(a, ctx.sessionId),
      (a) => can(a, "session.read"),
    ],
    [
      "sessionAttendance",
      "session.read",
      (a) => sessionAttendance(a, ctx.sessionId),
      (a) => can(a, "session.read"),
    ],
    [
      "createSession",
      "session.create",
      (a) =>
        createSession(a, {
          title: "Matrix",
          description: "",
          format: "panel",
          startsAtLocal: inAWeek(),
          timeZone: "UTC",
          durationMinutes: 45,
          seats: 10,
          observersHidden: true,
        }),
      (a) => can(a, "session.create"),
    ],
    ["listCustomers", "customer.list", (a) => listCustomers(a), (a) => can(a, "customer.list")],
    [
      "listCustomers (filtered)",
      "customer.list",
      (a) => listCustomers(a, { tag: "new-customer", segment: "residential" }),
      (a) => can(a, "customer.list"),
    ],
    [
      "listCustomersPage",
      "customer.list",
      (a) => listCustomersPage(a, { tag: "new-customer", page: "1", sort: "-created" }),
      (a) => can(a, "customer.list"),
    ],
    ["getCustomer", "customer.read", (a) => getCustomer(a, ctx.customerId), (a) => can(a, "customer.read")],
    ["listUsers", "user.manage", (a) => listUsers(a), (a) => can(a, "user.manage")],
    [
      "createUser (bad email)",
      "user.manage",
      (a) => createUser(a, { email: "not-an-email", name: "X", role: "agent", timeZone: "UTC" }),
      (a) => can(a, "user.manage"),
    ],
    [
      "updateUser (a role that does not exist)",
      "user.manage",
      (a) => updateUser(a, { userId: crypto.randomUUID(), role: "owner", timeZone: "UTC", active: "on" }),
      (a) => can(a, "user.manage"),
    ],
    ["listDepartments", "department.manage", (a) => listDepartments(a), (a) => can(a, "department.manage")],
    [
      "saveDepartment (an empty name)",
      "department.manage",
      (a) => saveDepartment(a, { name: " ", headId: "" }),
      (a) => can(a, "department.manage"),
    ],
    [
      "setDepartmentMember (someone who is not staff)",
      "department.manage",
      (a) =>
        setDepartmentMember(a, {
          departmentId: ctx.actionResource.departmentId,
          userId: crypto.randomUUID(),
          membership: "member",
        }),
      (a) => can(a, "department.manage"),
    ],
    ["listConsentVersions", "consent.manage", (a) => listConsentVersions(a), (a) => can(a, "consent.manage")],
    [
      "createConsentVersion (empty texts)",
      "consent.manage",
      (a) => createConsentVersion(a, {}),
      (a) => can(a, "consent.manage"),
    ],
    ["getOwnProfile", "profile.manage", (a) => getOwnProfile(a), (a) => can(a, "profile.manage")],
    [
      "updateOwnProfile (a zone that does not exist)",
      "profile.manage",
      (a) => updateOwnProfile(a, { timeZone: "Mars/Olympus", language: "vi" }),
      (a) => can(a, "profile.manage"),
    ],
    ["listIntegrations", "integrations.read", (a) => listIntegrations(a), (a) => can(a, "integrations.read")],
    ["listAuditLog", "audit.read", (a) => listAuditLog(a, {}), (a) => can(a, "audit.read")],
    ["deliveryProblems", "delivery.read", (a) => deliveryProblems(a), (a) => can(a, "delivery.read")],
    [
      // A reason that is not a code: the allowed role gets past authorization to a field error.
      "eraseCustomerByStaff (bad reason)",
      "customer.erase",
      (a) => eraseCustomerByStaff(a, { customerId: ctx.customerId, reason: "matrix", confirm: "yes" }),
      (a) => can(a, "customer.erase"),
    ],
    [
      "createCustomer",
      "customer.manage",
      (a) =>
        createCustomer(a, {
          name: "Matrix",
          email: `matrix.${crypto.randomUUID()}@example.com`,
          timeZone: "UTC",
        }),
      (a) => can(a, "customer.manage"),
    ],
    [
      "updateCustomer",
      "customer.manage",
      // Same email as an existing customer: allowed roles get past authorization to a field error.
      (a) => updateCustomer(a, { id: ctx.customerId, name: "Matrix", email: "x@y", timeZone: "UTC" }),
      (a) => can(a, "customer.manage"),
    ],
    [
      "previewCustomerImport",
      "customer.import",
      (a) => previewCustomerImport(a, { csv: "name,email\nMatrix,matrix@example.com" }),
      (a) => can(a, "customer.import"),
    ],
    [
      "importCustomers",
      "customer.import",
      (a) => importCustomers(a, { csv: "name,email\nMatrix,not-an-email" }),
      (a) => can(a, "customer.import"),
    ],
    [
      "customerModerationHistory",
      "customer.moderation.read",
      (a) => customerModerationHistory(a, ctx.customerId),
      (a) => can(a, "customer.moderation.read"),
    ],
    [
      "exportCustomer",
      "customer.export",
      (a) => exportCustomer(a, ctx.customerId),
      (a) => can(a, "customer.export"),
    ],
    ["listInsights", "insight.read", (a) => listInsights(a), (a) => can(a, "insight.read")],
    ["getInsight", "insight.read", (a) => getInsight(a, ctx.insightId), (a) => can(a, "insight.read")],
    [
      "listUntriagedComments",
      "insight.create",
      (a) => listUntriagedComments(a),
      (a) => can(a, "insight.create"),
    ],
    [
      "createInsight",
      "insight.create",
      (a) =>
        createInsight(a, {
          title: "Matrix",
          summary: "",
          customerAxis: "irritant",
          companyAxis: "irritant",
          reasonCodeIds: [],
          evidence: [],
          contactsPerMonth: 0,
          handlingMinutes: 0,
          hourlyCost: 0,
          customersAtRisk: 0,
          lifetimeValue: 0,
        }),
      (a) => can(a, "insight.create"),
    ],
    ["insightGrid", "insight.read", (a) => insightGrid(a), (a) => can(a, "insight.read")],
    ["listInsightTitles", "insight.read", (a) => listInsightTitles(a), (a) => can(a, "insight.read")],
    [
      "updateInsight (no codes)",
      "insight.edit",
      (a) =>
        updateInsight(a, {
          insightId: ctx.insightId,
          title: "Matrix",
          customerAxis: "value",
          companyAxis: "value",
          reasonCodeIds: [],
        }),
      (a) => can(a, "insight.edit"),
    ],
    [
      "attachEvidence (nothing chosen)",
      "insight.edit",
      (a) => attachEvidence(a, { insightId: ctx.insightId, evidence: [] }),
      (a) => can(a, "insight.edit"),
    ],
    [
      "removeEvidence (unknown)",
      "insight.edit",
      (a) => removeEvidence(a, { insightId: ctx.insightId, evidenceId: "not-a-uuid" }),
      (a) => can(a, "insight.edit"),
    ],
    [
      "previewEvidence (a missing note)",
      "insight.edit",
      (a) => previewEvidence(a, [`room_note:${crypto.randomUUID()}`]),
      (a) => can(a, "insight.edit"),
    ],
    [
      "listSessionNotes",
      "notes.triage",
      (a) => listSessionNotes(a, ctx.sessionId),
      (a) => can(a, "notes.triage"),
    ],
    ["listListeningLog", "listening.write", (a) => listListeningLog(a), (a) => can(a, "listening.write")],
    [
      "addListeningNote (an unknown code number)",
      "listening.write",
      (a) =>
        addListeningNote(a, {
          heardOn: "2026-01-01",
          channel: "phone",
          kind: "summary",
          text: "Matrix",
          codeNumbers: "998",
        }),
      (a) => can(a, "listening.write"),
    ],
    ["listCodebook", "codebook.read", (a) => listCodebook(a), (a) => can(a, "codebook.read")],
    ["listActiveCodes", "codebook.read", (a) => listActiveCodes(a), (a) => can(a, "codebook.read")],
    [
      "saveReasonCode (a taken number)",
      "codebook.manage",
      (a) => saveReasonCode(a, { number: 1, label: "Matrix code" }),
      (a) => can(a, "codebook.manage"),
    ],
    [
      "proposeReasonCode (a taken number)",
      "codebook.propose",
      (a) => proposeReasonCode(a, { number: 1, label: "Matrix code" }),
      (a) => can(a, "codebook.propose"),
    ],
    [
      "setReasonCodeState (an active code to active)",
      "codebook.manage",
      async (a) =>
        setReasonCodeState(a, {
          id: (await db.query.reasonCodes.findFirst({ where: (c, { eq }) => eq(c.number, 1) }))!.id,
          to: "active",
        }),
      (a) => can(a, "codebook.manage"),
    ],
    ["listAllActions", "action.list", (a) => listAllActions(a), (a) => can(a, "action.list")],
    ["listMyActions", "action.list", (a) => listMyActions(a), (a) => can(a, "action.list")],
    [
      "getAction (Billing's)",
      "action.read",
      (a) => getAction(a, ctx.actionId),
      (a) => can(a, "action.read", ctx.actionResource),
    ],
    [
      "commentActionItem (Billing's)",
      "action.read",
      (a) => commentActionItem(a, { actionId: ctx.actionId, text: "Matrix comment" }),
      (a) => can(a, "action.read", ctx.actionResource),
    ],
    [
      "editActionItem (a past deadline)",
      "action.edit",
      (a) =>
        editActionItem(a, {
          actionId: ctx.actionId,
          departmentId: ctx.actionResource.departmentId,
          ownerId: ctx.actionResource.ownerId,
          title: "Matrix",
          deadline: "2020-01-01",
        }),
      (a) => can(a, "action.edit"),
    ],
    [
      "decideChangeMessages (not verified)",
      "action.tell_customers",
      (a) => decideChangeMessages(a, { actionId: ctx.actionId, decision: "hold" }),
      (a) => can(a, "action.tell_customers"),
    ],
    [
      "setDepartmentHead (not a member)",
      "department.manage",
      (a) =>
        setDepartmentHead(a, { departmentId: ctx.actionResource.departmentId, headId: crypto.randomUUID() }),
      (a) => can(a, "department.manage"),
    ],
    [
      "createAction",
      "action.create",
      (a) =>
        createAction(a, {
          insightId: ctx.insightId,
          departmentId: crypto.randomUUID(),
          ownerId: crypto.randomUUID(),
          title: "Matrix",
          deadline: "2099-01-01",
        }),
      (a) => can(a, "action.create"),
    ],
    [
      "transitionAction (another department's)",
      "action.work",
      (a) => transitionAction(a, { actionId: ctx.foreignActionId, to: "verified", note: "" }),
      (a) => can(a, "action.verify"),
    ],
    [
      // A time in the past: allowed roles get past authorization and are refused for that.
      "rescheduleSession",
      "session.manage",
      (a) =>
        rescheduleSession(a, {
          sessionId: ctx.openSessionId,
          startsAtLocal: "2020-01-01T10:00",
          timeZone: "UTC",
          durationMinutes: 45,
        }),
      (a) => can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }),
    ],
    [
      "cancelSession (an ended session)",
      "session.manage",
      (a) => cancelSession(a, { sessionId: ctx.endedSessionId }),
      (a) => can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }),
    ],
    [
      "correctAttendance (before the end)",
      "session.manage",
      (a) =>
        correctAttendance(a, {
          sessionId: ctx.openSessionId,
          invitationId: crypto.randomUUID(),
          status: "attended",
        }),
      (a) => can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }),
    ],
    [
      "inviteAudience (a tag nobody has)",
      "session.manage",
      (a) => inviteAudience(a, { sessionId: ctx.openSessionId, tag: `none-${crypto.randomUUID()}` }),
      (a) =>
        can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }) &&
        can(a, "customer.list"),
    ],
    [
      "countAudience",
      "session.manage",
      (a) => countAudience(a, { sessionId: ctx.openSessionId, tag: `none-${crypto.randomUUID()}` }),
      (a) =>
        can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }) &&
        can(a, "customer.list"),
    ],
    [
      "setDigestSubscription",
      "digest.subscribe",
      (a) => setDigestSubscription(a, { subscribe: "no" }),
      (a) => can(a, "digest.subscribe"),
    ],
    ["digestSubscribed", "digest.subscribe", (a) => digestSubscribed(a), (a) => can(a, "digest.subscribe")],
    ["staffHome", "session.list", (a) => staffHome(a), (a) => can(a, "session.list")],
    [
      "sessionsInRange",
      "session.list",
      (a) => sessionsInRange(a, { from: new Date(Date.now() - 30 * 86400_000), to: new Date() }, { q: "a" }),
      (a) => can(a, "session.list"),
    ],
    [
      "outreachDraft",
      "dashboard.outreach",
      async (a) => {
        const [code] = await db.select({ id: reasonCodes.id }).from(reasonCodes).limit(1);
        return outreachDraft(a, code?.id ?? "");
      },
      (a) => can(a, "dashboard.outreach"),
    ],
    [
      "sendOutreach (a code nobody raised)",
      "dashboard.outreach",
      (a) => sendOutreach(a, { reasonCodeId: crypto.randomUUID(), reviewed: "yes" }),
      (a) => can(a, "dashboard.outreach"),
    ],
    ...(
      [
        ["loadDashboard", (a: Actor) => loadDashboard(a, readDashboardFilters({}))],
        ["dashboardTrends", (a: Actor) => dashboardTrends(a, readDashboardFilters({ grain: "month" }))],
        ["reasonCodePareto", (a: Actor) => reasonCodePareto(a, readDashboardFilters({}))],
        ["emergingIssues", (a: Actor) => emergingIssues(a, {})],
        ["departmentScorecards", (a: Actor) => departmentScorecards(a, {})],
        ["beforeAfter", (a: Actor) => beforeAfter(a, readDashboardFilters({ fix: "2026-01-01" }))],
        ["dashboardFacets", (a: Actor) => dashboardFacets(a)],
        ["dashboardNumbers", (a: Actor) => dashboardNumbers(a, readDashboardFilters({}), "pareto")],
        ["tellingQuotes", (a: Actor) => tellingQuotes(a, [crypto.randomUUID()])],
      ] as const
    ).map(
      ([name, call]) =>
        [name, "dashboard.read", call, (a: Actor) => can(a, "dashboard.read")] as [
          string,
          PolicyAction,
          (a: Actor) => Promise<unknown>,
          (a: Actor) => boolean,
        ],
    ),
    [
      "listSurveyTemplates",
      "survey.template.manage",
      (a) => listSurveyTemplates(a),
      (a) => can(a, "survey.template.manage"),
    ],
    [
      "getSurveyTemplate (no such template)",
      "survey.template.manage",
      // Allowed roles get past authorization to "not found"; so does everyone else: checked below.
      (a) =>
        getSurveyTemplate(a, crypto.randomUUID()).catch((e) => {
          if (can(a, "survey.template.manage")) return "past authorization";
          throw e;
        }),
      (a) => can(a, "survey.template.manage"),
    ],
    [
      "saveSurveyTemplate (no questions)",
      "survey.template.manage",
      (a) => saveSurveyTemplate(a, { name: "Matrix", questions: [] }),
      (a) => can(a, "survey.template.manage"),
    ],
    ["listSurveyResponses", "survey.read", (a) => listSurveyResponses(a, {}), (a) => can(a, "survey.read")],
    [
      "exportSurveyResponses",
      "survey.read",
      (a) => exportSurveyResponses(a, { language: "vi" }),
      (a) => can(a, "survey.read"),
    ],
    ["responseFilterChoices", "survey.read", (a) => responseFilterChoices(a), (a) => can(a, "survey.read")],
    [
      "sessionSurveyPanel",
      "session.read",
      (a) => sessionSurveyPanel(a, ctx.sessionId),
      (a) => can(a, "session.read"),
    ],
    [
      "saveSessionSurvey",
      "session.manage",
      (a) => saveSessionSurvey(a, { sessionId: ctx.openSessionId, delayMinutes: 30, reminderAfterHours: 48 }),
      (a) => can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }),
    ],
    [
      "sendSurveyNow (a session not ended)",
      "session.manage",
      (a) => sendSurveyNow(a, { sessionId: ctx.openSessionId }),
      (a) => can(a, "session.manage", { sessionFacilitatorId: staff.facilitator.userId }),
    ],
    [
      "getSurveyPage",
      "survey.respond",
      (a) => getSurveyPage(a as never, "en"),
      (a) => a.kind === "respondent",
    ],
    [
      "submitSurveyResponse (a partial save of nothing)",
      "survey.respond",
      (a) => submitSurveyResponse(a as never, { answers: {}, final: false }, "en"),
      (a) => a.kind === "respondent",
    ],
    [
      "updateCompanySettings",
      "settings.manage",
      (a) =>
        updateCompanySettings(a, {
          name: "Matrix Energy",
          logoUrl: "",
          currency: "GBP",
          supportPhone: "",
          defaultLanguages: ["en"],
          surveyFrequencyCapDays: 30,
          retentionMonths: 24,
        }),
      (a) => can(a, "settings.manage"),
    ],
    [
      "mintRoomToken",
      "room.join",
      (a) => mintRoomToken(a, ctx.sessionId),
      (a) =>
        can(a, "room.join", {
          sessionId: ctx.sessionId,
          sessionFacilitatorId: staff.facilitator.userId,
          sessionStaffIds: ctx.staffIds,
        }),
    ],
    ...(
      [
        ["staffRoomView", "room.backroom", (a: Actor) => staffRoomView(a, ctx.sessionId)],
        [
          "staffRoomView (the guests' names, not pseudonyms)",
          "room.guest_names",
          (a: Actor) =>
            staffRoomView(a, ctx.sessionId).then((v) => {
              if (!v.guests.length || v.guests.some((g) => g.pseudonymous)) throw forbidden();
            }),
        ],
        ["speedDatingView", "room.backroom", (a: Actor) => speedDatingView(a, ctx.sessionId)],
        [
          "submitQuestion",
          "room.backroom",
          (a: Actor) => submitQuestion(a, { sessionId: ctx.sessionId, text: "Matrix?" }),
        ],
        [
          "addNote",
          "room.backroom",
          (a: Actor) => addNote(a, { sessionId: ctx.sessionId, kind: "summary", text: "Matrix note" }),
        ],
        [
          "moderateParticipant",
          "room.moderate",
          (a: Actor) =>
            moderateParticipant(a, {
              sessionId: ctx.sessionId,
              invitationId: (actors.customer as Extract<Actor, { kind: "customer" }>).invitationId,
              step: "warning_1",
              category: "interrupting",
            }),
        ],
        [
          "sendCaption",
          "room.caption",
          (a: Actor) => sendCaption(a, { sessionId: ctx.sessionId, text: "Matrix" }),
        ],
        [
          "setFloor",
          "room.moderate",
          (a: Actor) =>
            setFloor(a, { sessionId: ctx.sessionId, identity: `staff_${crypto.randomUUID()}`, grant: true }),
        ],
        [
          "moveStoryTurn",
          "room.moderate",
          (a: Actor) =>
            moveStoryTurn(a, { sessionId: ctx.sessionId, action: "up", invitationId: crypto.randomUUID() }),
        ],
      ] as const
    ).map(
      ([name, action, call]) =>
        [
          name,
          action,
          call,
          (a: Actor) =>
            can(a, action, {
              sessionId: ctx.sessionId,
              sessionFacilitatorId: staff.facilitator.userId,
              sessionStaffIds: ctx.staffIds,
            }),
        ] as [string, PolicyAction, (a: Actor) => Promise<unknown>, (a: Actor) => boolean],
    ),
  ];

  for (const [name, , call, expected] of cases) {
    it(`${name} matches the policy for every role`, async () => {
      for (const [role, actor] of Object.entries(actors)) {
        const got = await outcome(() => call(actor));
        const want = expected(actor) ? "allowed" : "denied";
        expect(`${role}:${got}`).toBe(`${role}:${want}`);
      }
    });
  }

  it("a customer link reaches only its own invitation", async () => {
    const mine = actors.customer as Extract<Actor, { kind: "customer" }>;
    const other = await db.query.invitations.findFirst({ where: (i, { ne }) => ne(i.id, mine.invitationId) });
    const row = await db.query.invitations.findFirst({ where: eq(invitations.id, other!.id) });
    const session = await db.query.sessions.findFirst({ where: eq(sessions.id, row!.sessionId) });
    const customer = await db.query.customers.findFirst({ where: eq(customers.id, row!.customerId) });
    expect(can(mine, "invitation.respond", { invitationId: other!.id })).toBe(false);
    await expect(
      invitationView(mine, { invitation: row!, session: session!, customer: customer! }),
    ).rejects.toThrow(DomainError);
    expect(can(mine, "room.join", { sessionId: crypto.randomUUID() })).toBe(false);
  });

  it("accessibility needs are absent, not hidden, for roles that may not see them", async () => {
    for (const who of [staff.executive, staff.agent, staff.owner]) {
      const d = await getSessionDetail(who, ctx.sessionId);
      for (const row of d.board) expect(Object.keys(row)).not.toContain("accommodations");
      expect(JSON.stringify(d)).not.toMatch(/accommodationOther/);
    }
    const f = await getSessionDetail(staff.facilitator, ctx.sessionId);
    expect(Object.keys(f.board[0] ?? {})).toContain("accommodations");
    const directory = await listCustomers(staff.facilitator);
    expect(directory.every((c) => "accessibilityNotes" in c)).toBe(true);
    for (const who of [staff.executive, staff.agent, staff.owner]) {
      expect(Object.keys(await getCustomer(who, ctx.customerId))).not.toContain("accessibilityNotes");
    }
    expect(await getCustomer(staff.admin, ctx.customerId)).toHaveProperty("accessibilityNotes");
  });
});
