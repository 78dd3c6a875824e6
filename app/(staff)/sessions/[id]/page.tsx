import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { CheckboxGroup } from "@/components/ui/field";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listCustomers } from "@/server/customers/list-customers";
import { getSessionDetail } from "@/server/sessions/get-session";
import { listAssignableStaff } from "@/server/sessions/session-staff";
import { ACC_LABELS } from "../accommodation-labels";
import { inviteCustomersAction, scheduleDraftAction, setPayoutAction } from "../actions";
import { FORMAT_LABELS } from "../format-labels";
import { AboutCard, EditSessionCard } from "./about-card";
import { AttendanceCard } from "./attendance-card";
import { LinkControls } from "./link-controls";
import { ScheduleControls } from "./schedule-controls";
import { SessionStatusButtons } from "./session-status-buttons";
import { StaffCard } from "./staff-card";
import { SessionSurveyCard } from "./survey-card";

export const metadata: Metadata = { title: "Session" };

const PAYOUTS = [
  ["not_due", "Not due"],
  ["due", "Due"],
  ["paid", "Paid"],
  ["declined", "Declined by guest"],
] as const;

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const d = await orNotFound(getSessionDetail(actor, id));
  const { session } = d;
  const open = session.status === "scheduled" || session.status === "live";
  const editable = open || session.status === "draft";
  const invited = new Set(d.invitedCustomerIds);
  const candidates =
    d.canManage && open ? (await listCustomers(actor)).filter((c) => !invited.has(c.id)) : [];
  const assignable = d.canManage && editable ? await listAssignableStaff(actor, id) : [];
  const offersIncentive = session.incentiveAmountMinor !== null;
  const booked = d.board.filter((b) => b.status === "accepted" || b.status === "attended").length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">{FORMAT_LABELS[session.format]}</p>
          <h1 className="text-3xl font-bold tracking-tight">{session.title}</h1>
          <p className="mt-1 text-slate-700">
            {formatDateTime(session.startsAt, actor.timeZone, LOCALE_TAGS[actor.language])} ·{" "}
            {session.durationMinutes} min
            {session.timeZone !== actor.timeZone && (
              <span className="text-slate-600">
                {" "}
                (planned in {session.timeZone}: {formatDateTime(session.startsAt, session.timeZone)})
              </span>
            )}
          </p>
        </div>
        <Badge status={session.status} />
      </div>

      {session.status === "ended" && (
        <p role="status" className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
          The session has ended. The survey goes to the guests who attended (see Survey below).
        </p>
      )}
      {session.status === "draft" && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          This session is a draft: customers cannot be invited until it is scheduled.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {d.canManage && session.status === "draft" && (
          <ActionForm action={scheduleDraftAction} className="">
            <input type="hidden" name="sessionId" value={id} />
            <Button>Schedule this session</Button>
          </ActionForm>
        )}
        {d.canBrief && session.status !== "cancelled" && (
          <Link href={`/sessions/${id}/briefing`} className={buttonClass("secondary")}>
            Facilitator briefing
          </Link>
        )}
        {open && (
          <Link href={`/sessions/${id}/room`} className={buttonClass("primary")}>
            Open the room
          </Link>
        )}
        {can(actor, "notes.triage") && (session.status === "live" || session.status === "ended") && (
          <Link href={`/sessions/${id}/notes`} className={buttonClass("secondary")}>
            Triage notes
          </Link>
        )}
        {d.canManage && <SessionStatusButtons sessionId={id} status={session.status} />}
      </div>

      <ScheduleControls actor={actor} detail={d} />
      <SessionSurveyCard actor={actor} sessionId={id} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`RSVP board · ${booked}/${session.seats} seats booked`}>
            {d.board.length === 0 ? (
              <p className="text-slate-600">Nobody has been invited yet.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <ColumnHeads
                    labels={[
                      "Guest",
                      "Language",
                      "Status",
                      d.seesNeeds && "Accommodations",
                      offersIncentive && d.seesPeople && "Incentive",
                      d.canManage && open && "Personal link",
                    ]}
                    className="border-b border-slate-200 text-slate-600"
                    cellClassName="py-2 pr-4 font-medium"
                  />
                  <tbody>
                    {d.board.map((b) => (
                      <tr key={b.id} className="border-b border-slate-100 align-top">
                        <td className="py-2 pr-4">
                          <bdi>{b.name}</bdi>
                        </td>
                        <td className="py-2 pr-4 uppercase">{b.language}</td>
                        <td className="py-2 pr-4">
                          <Badge status={b.status} />
                        </td>
                        {d.seesNeeds && (
                          <td className="py-2 pr-4">
                            {[
                              ...(b.accommodations ?? []).map((a) => ACC_LABELS[a] ?? a),
                              b.accommodationOther,
                            ]
                              .filter(Boolean)
                              .join(" · ") || <span className="text-slate-500">None stated</span>}
                          </td>
                        )}
                        {offersIncentive && d.seesPeople && (
                          <td className="py-2 pr-4">
                            {d.canManage ? (
                              <ActionForm action={setPayoutAction} className="flex items-center gap-2">
                                <input type="hidden" name="sessionId" value={id} />
                                <input type="hidden" name="invitationId" value={b.id} />
                                <label htmlFor={`payout-${b.id}`} className="sr-only">
                                  Incentive for {b.name}
                                </label>
                                <select
                                  id={`payout-${b.id}`}
                                  name="payoutStatus"
                                  defaultValue={b.payoutStatus}
                                  className="min-h-9 rounded-md border border-slate-400 bg-white px-2 text-sm"
                                >
                                  {PAYOUTS.map(([value, label]) => (
                                    <option key={value} value={value}>
                                      {label}
                                    </option>
                                  ))}
                                </select>
                                <Button variant="ghost" className="min-h-9 px-2">
                                  Save
                                </Button>
                              </ActionForm>
                            ) : (
                              (PAYOUTS.find(([v]) => v === b.payoutStatus)?.[1] ?? b.payoutStatus)
                            )}
                          </td>
                        )}
                        {d.canManage && open && (
                          <td className="py-2">
                            {b.status !== "withdrawn" && (
                              <LinkControls sessionId={id} invitationId={b.id} name={b.name} />
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          {d.canManage && open && session.status !== "draft" && (
            <Card title="Invite customers">
              <ActionForm action={inviteCustomersAction}>
                <input type="hidden" name="sessionId" value={id} />
                <CheckboxGroup
                  name="customerIds"
                  legend="Customers to invite"
                  hint="Each gets a personal link by email, in their language."
                  empty="Everyone in the directory is invited already."
                  listClassName="max-h-80 overflow-y-auto"
                  options={candidates.map((c) => ({
                    value: c.id,
                    label: (
                      <>
                        <span className="font-medium">
                          <bdi>{c.name}</bdi>
                        </span>
                        <span className="text-slate-600">{c.language.toUpperCase()}</span>
                        <span className="text-slate-600">{c.tags.join(", ")}</span>
                      </>
                    ),
                  }))}
                />
                <Button>Send invitations</Button>
              </ActionForm>
            </Card>
          )}
          {d.canManage && editable && <EditSessionCard session={session} />}
          <AttendanceCard actor={actor} sessionId={id} timeZone={actor.timeZone} />
        </div>
        <div className="space-y-6">
          <AboutCard session={session} />
          <StaffCard
            sessionId={id}
            staff={d.staff}
            candidates={assignable}
            canManage={d.canManage && editable}
          />
        </div>
      </div>
    </div>
  );
}
