import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { COMMON_TIME_ZONES, formatDateTime, instantToZonedWallTime } from "@/lib/dates";
import { INVITATION_STATUSES } from "@/lib/domain/invitations";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import type { StaffActor } from "@/server/auth/actor";
import { customerFacets } from "@/server/customers/customer-facets";
import type { getSessionDetail } from "@/server/sessions/get-session";
import {
  cancelSessionAction,
  correctAttendanceAction,
  inviteAudienceAction,
  previewAudienceAction,
  rescheduleSessionAction,
} from "./schedule-actions";

type Detail = Awaited<ReturnType<typeof getSessionDetail>>;

const STATUS_LABELS: Record<(typeof INVITATION_STATUSES)[number], string> = {
  invited: "Invited",
  accepted: "Accepted",
  waitlisted: "Waiting list",
  declined: "Declined",
  withdrawn: "Withdrawn",
  attended: "Attended",
  no_show: "No-show",
};

/**
 * The session page's scheduling tools: RSVP counts by status for everyone who can see the session;
 * for its facilitator, reschedule and cancel (everyone on the list is notified with a calendar
 * update), invite by tag or segment, and attendance corrections once it has ended.
 */
export async function ScheduleControls({ actor, detail }: { actor: StaffActor; detail: Detail }) {
  const { session, board, canManage, seesPeople } = detail;
  const counts = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const row of board) counts[row.status] = (counts[row.status] ?? 0) + 1;
  const notStarted = session.status === "scheduled" || session.status === "draft";
  const open = notStarted || session.status === "live";
  const audience = canManage && open && seesPeople ? await customerFacets(actor) : null;
  const zones = [...new Set([session.timeZone, actor.timeZone, ...COMMON_TIME_ZONES])];
  const booked = board.filter((b) => ["accepted", "attended", "no_show"].includes(b.status));
  const showAttendance = session.status === "ended" && booked.length > 0;
  const cards = [notStarted, !!audience, showAttendance].filter(Boolean).length;

  return (
    <div className="space-y-6">
      {session.status === "cancelled" && (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900">
          This session was cancelled
          {session.cancelledAt
            ? ` on ${formatDateTime(session.cancelledAt, actor.timeZone, LOCALE_TAGS[actor.language])}`
            : ""}
          . Everyone on the list and the staff attending were sent a calendar cancellation.
        </p>
      )}
      <section
        aria-labelledby="rsvp-counts"
        className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="rsvp-counts" className="text-sm font-semibold text-slate-700">
          RSVPs by status
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {INVITATION_STATUSES.map((s) => (
            <li key={s} className="flex items-center gap-2">
              <Badge status={s}>{STATUS_LABELS[s]}</Badge>
              <span className="font-semibold tabular-nums">{counts[s]}</span>
            </li>
          ))}
        </ul>
      </section>

      {canManage && cards > 0 && (
        <div className={`grid gap-6 ${cards > 1 ? "lg:grid-cols-2" : "lg:max-w-2xl"}`}>
          {notStarted && (
            <Card title="Reschedule or cancel">
              <ActionForm action={rescheduleSessionAction}>
                <input type="hidden" name="sessionId" value={session.id} />
                <p className="text-sm text-slate-700">
                  Everyone invited, booked or waiting, and the staff attending, get a calendar update.
                  Reminders follow the new time.
                </p>
                {/* Keyed by the schedule, so the fields show the new time and zone after a reschedule. */}
                <div key={session.calendarSequence} className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    label="New start"
                    name="startsAtLocal"
                    type="datetime-local"
                    required
                    defaultValue={instantToZonedWallTime(session.startsAt, session.timeZone)}
                  />
                  <SelectField
                    label="Time zone"
                    name="timeZone"
                    defaultValue={session.timeZone}
                    options={zones.map((z) => ({ value: z, label: z }))}
                  />
                </div>
                <TextField
                  label="Length (minutes)"
                  name="durationMinutes"
                  type="number"
                  min={10}
                  max={480}
                  required
                  defaultValue={session.durationMinutes}
                />
                <ConfirmDialog
                  trigger="Reschedule and notify"
                  triggerVariant="secondary"
                  title="Reschedule and notify everyone?"
                  confirmLabel="Yes, reschedule and notify"
                  confirmVariant="primary"
                  cancelLabel="Go back"
                >
                  <p>
                    Everyone invited, booked or waiting, and the staff attending, get a calendar update with
                    the new time at once. Emails cannot be called back.
                  </p>
                </ConfirmDialog>
              </ActionForm>
              <ActionForm action={cancelSessionAction} className="mt-6 border-t border-slate-200 pt-4">
                <input type="hidden" name="sessionId" value={session.id} />
                <ConfirmDialog
                  trigger="Cancel this session…"
                  triggerVariant="ghost"
                  triggerClassName="-ml-4 text-red-800 hover:bg-red-50"
                  title="Cancel this session?"
                  confirmLabel="Cancel the session and notify everyone"
                  cancelLabel="Keep the session"
                >
                  <p>
                    Every guest on the list and every staff attendee is told, and the entry is removed from
                    their calendars. This cannot be undone.
                  </p>
                </ConfirmDialog>
              </ActionForm>
            </Card>
          )}

          {audience && (
            <Card title="Invite by tag or segment">
              <ActionForm action={inviteAudienceAction}>
                <input type="hidden" name="sessionId" value={session.id} />
                <p className="text-sm text-slate-700">
                  Invites everyone who matches and is not invited yet (both, when you choose both), up to 500
                  at a time.
                </p>
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    label="Tag"
                    name="tag"
                    defaultValue=""
                    options={[
                      { value: "", label: "Any tag" },
                      ...audience.tags.map((t) => ({ value: t, label: t })),
                    ]}
                  />
                  <SelectField
                    label="Segment"
                    name="segment"
                    defaultValue=""
                    options={[
                      { value: "", label: "Any segment" },
                      ...audience.segments.map((s) => ({ value: s, label: s })),
                    ]}
                  />
                </div>
                <ConfirmDialog
                  trigger="Invite everyone who matches"
                  triggerVariant="primary"
                  title="Invite everyone who matches?"
                  confirmLabel="Yes, send the invitations"
                  confirmVariant="primary"
                  cancelLabel="Go back"
                  preview={previewAudienceAction}
                  previewPending="Counting who matches…"
                >
                  <p>Each customer gets a personal invitation by email, in their language.</p>
                </ConfirmDialog>
              </ActionForm>
            </Card>
          )}

          {showAttendance && (
            <Card title="Attendance">
              <p className="mb-3 text-sm text-slate-700">
                Guests who booked but never joined are marked as no-shows after the session. Correct a row
                here.
              </p>
              <ul className="divide-y divide-slate-100">
                {booked.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span className="flex items-center gap-2 text-sm">
                      <span className="font-medium">
                        <bdi>{b.name}</bdi>
                      </span>
                      <Badge status={b.status}>{STATUS_LABELS[b.status]}</Badge>
                    </span>
                    <ActionForm action={correctAttendanceAction} className="flex items-center gap-2">
                      <input type="hidden" name="sessionId" value={session.id} />
                      <input type="hidden" name="invitationId" value={b.id} />
                      {b.status === "attended" ? (
                        <Button
                          variant="secondary"
                          name="status"
                          value="no_show"
                          aria-label={`Mark no-show: ${b.name}`}
                        >
                          Mark no-show
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          name="status"
                          value="attended"
                          aria-label={`Mark attended: ${b.name}`}
                        >
                          Mark attended
                        </Button>
                      )}
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
