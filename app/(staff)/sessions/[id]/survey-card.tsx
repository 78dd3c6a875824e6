import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import type { StaffActor } from "@/server/auth/actor";
import { sessionSurveyPanel } from "@/server/surveys/session-survey";
import { FORMAT_LABELS } from "../format-labels";
import { saveSessionSurveyAction, sendSurveyNowAction } from "./survey-actions";

/**
 * The session's survey: which template it sends (its own choice, else its format's default),
 * the delay after the end and the reminder, what came back, and "send now" to every attendee
 * not yet surveyed or to chosen ones. Attendance is corrected in the RSVP board above it.
 */
export async function SessionSurveyCard({ actor, sessionId }: { actor: StaffActor; sessionId: string }) {
  const p = await orNotFound(sessionSurveyPanel(actor, sessionId));
  const source =
    p.choice.source === "session"
      ? "chosen for this session"
      : p.choice.source === "format"
        ? "the default for this format"
        : "no template: the classic form (CSAT, NPS, a comment)";
  const waiting = p.attendees.filter((a) => !a.surveyed && a.emailable);
  return (
    <Card
      title="Survey"
      actions={
        <Link
          href={`/surveys/responses?session=${sessionId}`}
          className="text-sm font-semibold text-blue-800 underline"
        >
          Responses
        </Link>
      }
    >
      <div className="grid gap-4 sm:grid-cols-4">
        <p>
          <span className="block text-sm text-slate-600">Template</span>
          <span className="font-semibold">{p.choice.templateName ?? "Classic form"}</span>
          <span className="block text-xs text-slate-600">{source}</span>
        </p>
        <p>
          <span className="block text-sm text-slate-600">Sent</span>
          <span className="text-2xl font-bold tabular-nums">{p.sent}</span>
          <span className="block text-xs text-slate-600">{p.reminded} reminded</span>
        </p>
        <p>
          <span className="block text-sm text-slate-600">Answered</span>
          <span className="text-2xl font-bold tabular-nums">{p.answered}</span>
        </p>
        <p>
          <span className="block text-sm text-slate-600">Response rate</span>
          <span className="text-2xl font-bold tabular-nums">
            {p.rate.value === null ? "—" : `${p.rate.value}%`}
          </span>
          <span className="block text-xs text-slate-600">answered ÷ sent</span>
        </p>
      </div>
      {p.canManage && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <ActionForm action={saveSessionSurveyAction} className="space-y-3">
            <h3 className="font-semibold">Which survey, and when</h3>
            <input type="hidden" name="sessionId" value={sessionId} />
            <SelectField
              name="templateId"
              label="Template"
              defaultValue={p.own?.templateId ?? ""}
              options={[
                { value: "", label: "The format's default" },
                ...p.templates.map((t) => ({
                  value: t.id,
                  label: `${t.name} (v${t.version})${t.defaultFor.length ? ` — default for ${t.defaultFor.map((f) => FORMAT_LABELS[f]).join(", ")}` : ""}`,
                })),
              ]}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                name="delayMinutes"
                label="Send after the end (minutes)"
                type="number"
                inputMode="numeric"
                min={0}
                defaultValue={p.choice.delayMinutes}
              />
              <TextField
                name="reminderAfterHours"
                label="One reminder after (hours)"
                type="number"
                inputMode="numeric"
                min={1}
                defaultValue={p.choice.reminderAfterHours}
              />
            </div>
            <Button variant="secondary">Save survey settings</Button>
          </ActionForm>
          {p.ended ? (
            <ActionForm action={sendSurveyNowAction} className="space-y-3">
              <h3 className="font-semibold">Send now</h3>
              <input type="hidden" name="sessionId" value={sessionId} />
              <CheckboxGroup
                name="invitationIds"
                legend="Attendees not surveyed yet"
                hint="Tick some to send only to them; tick none to send to all of them. The frequency cap still applies."
                empty="Every attendee who may be emailed has the survey."
                options={waiting.map((a) => ({ value: a.invitationId, label: a.name }))}
              />
              {p.attendees.some((a) => !a.emailable) && (
                <p className="text-sm text-slate-700">
                  Not emailed (contact preference or no address):{" "}
                  {p.attendees
                    .filter((a) => !a.emailable)
                    .map((a) => a.name)
                    .join(", ")}
                </p>
              )}
              <Button disabled={waiting.length === 0}>Send the survey now</Button>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-700">
              After the session ends, the survey goes to the attendees automatically, and you can send it on
              demand here.
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
