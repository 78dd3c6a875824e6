import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { requireStaffPage } from "@/server/auth/staff";
import { listCustomers } from "@/server/customers/list-customers";
import { getSessionDetail } from "@/server/sessions/get-session";
import { endSessionAction, inviteCustomersAction, startSessionAction } from "../actions";
import { FORMAT_LABELS } from "../format-labels";
import { ScheduleControls } from "./schedule-controls";

export const metadata: Metadata = { title: "Session" };

const ACC_LABELS: Record<string, string> = {
  captions: "Captions",
  large_text: "Large text",
  sign_language: "Sign-language interpreter",
  spoken_interpreter: "Spoken-language interpreter",
  audio_only: "Audio only",
  breaks: "Breaks",
};

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const d = await orNotFound(getSessionDetail(actor, id));
  const { session } = d;
  const open = session.status === "scheduled" || session.status === "live";
  const invited = new Set(d.invitedCustomerIds);
  const candidates =
    d.canManage && open ? (await listCustomers(actor)).filter((c) => !invited.has(c.id)) : [];
  const booked = d.board.filter((b) => b.status === "accepted" || b.status === "attended").length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">{FORMAT_LABELS[session.format]}</p>
          <h1 className="text-3xl font-bold tracking-tight">{session.title}</h1>
          <p className="mt-1 text-slate-700">
            {formatDateTime(session.startsAt, actor.timeZone)} · {session.durationMinutes} min
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
          The session has ended. Surveys are on their way to the guests who booked.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {open && (
          <Link href={`/sessions/${id}/room`} className={buttonClass("primary")}>
            Open the room
          </Link>
        )}
        {d.canManage && session.status === "scheduled" && (
          <ActionForm action={startSessionAction} className="">
            <input type="hidden" name="sessionId" value={id} />
            <Button variant="secondary">Start session</Button>
          </ActionForm>
        )}
        {d.canManage && open && (
          <ActionForm action={endSessionAction} className="">
            <input type="hidden" name="sessionId" value={id} />
            <Button variant="danger">End session and send surveys</Button>
          </ActionForm>
        )}
      </div>

      <ScheduleControls actor={actor} detail={d} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`RSVP board · ${booked}/${session.seats} seats booked`}>
            {d.board.length === 0 ? (
              <p className="text-slate-600">Nobody has been invited yet.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead className="border-b border-slate-200 text-slate-600">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Guest
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Language
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Status
                      </th>
                      {d.seesNeeds && (
                        <th scope="col" className="py-2 font-medium">
                          Accommodations
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {d.board.map((b) => (
                      <tr key={b.id} className="border-b border-slate-100 align-top">
                        <td className="py-2 pr-4">{b.name}</td>
                        <td className="py-2 pr-4 uppercase">{b.language}</td>
                        <td className="py-2 pr-4">
                          <Badge status={b.status} />
                        </td>
                        {d.seesNeeds && (
                          <td className="py-2">
                            {[
                              ...(b.accommodations ?? []).map((a) => ACC_LABELS[a] ?? a),
                              b.accommodationOther,
                            ]
                              .filter(Boolean)
                              .join(" · ") || <span className="text-slate-500">None stated</span>}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          {d.canManage && open && (
            <Card title="Invite customers">
              <ActionForm action={inviteCustomersAction}>
                <input type="hidden" name="sessionId" value={id} />
                <fieldset>
                  <legend className="text-sm text-slate-700">
                    Choose who to invite. Each gets a personal link by email, in their language.
                  </legend>
                  <div className="mt-3 max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-3">
                    {candidates.map((c) => (
                      <div key={c.id} className="flex items-center gap-3">
                        <input
                          id={`c-${c.id}`}
                          type="checkbox"
                          name="customerIds"
                          value={c.id}
                          className="size-5 accent-blue-700"
                        />
                        <label htmlFor={`c-${c.id}`} className="flex flex-1 flex-wrap gap-x-3 text-sm">
                          <span className="font-medium">{c.name}</span>
                          <span className="text-slate-600">{c.language.toUpperCase()}</span>
                          <span className="text-slate-600">{c.tags.join(", ")}</span>
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <Button>Send invitations</Button>
              </ActionForm>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card title="About">
            <p className="whitespace-pre-line text-sm text-slate-700">
              {session.description || "No description."}
            </p>
            <dl className="mt-4 space-y-1 text-sm">
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Observers</dt>
                <dd>{session.observersHidden ? "Hidden from customers" : "Visible"}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Recording</dt>
                <dd>{session.recordingEnabled ? "On (with consent)" : "Off"}</dd>
              </div>
            </dl>
          </Card>
          <Card title="Staff">
            <ul className="space-y-2 text-sm">
              {d.staff.map((s) => (
                <li key={s.userId} className="flex justify-between gap-2">
                  <span>{s.name}</span>
                  <span className="capitalize text-slate-600">{s.roomRole}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}
