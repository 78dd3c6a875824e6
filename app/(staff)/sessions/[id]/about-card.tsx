import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoney, minorToInput } from "@/lib/money";
import type { getSessionDetail } from "@/server/sessions/get-session";
import { updateSessionAction } from "../actions";
import { FORMAT_LABELS } from "../format-labels";
import { type SessionFieldDefaults, SessionFields } from "../session-fields";

type Session = Awaited<ReturnType<typeof getSessionDetail>>["session"];

/** The session's facts as staff read them. */
export function AboutCard({ session }: { session: Session }) {
  const incentive =
    session.incentiveAmountMinor !== null && session.incentiveCurrency
      ? formatMoney(session.incentiveAmountMinor, session.incentiveCurrency, "en-GB")
      : null;
  const facts: [string, string][] = [
    ["Format", FORMAT_LABELS[session.format] ?? session.format],
    ...(session.format === "speed_dating"
      ? ([["Tables", `${session.tableCount} tables · ${session.roundMinutes}-minute rounds`]] as [
          string,
          string,
        ][])
      : []),
    ["Observers", session.observersHidden ? "Hidden from customers" : "Visible"],
    ["Recording", session.recordingEnabled ? "On (with consent)" : "Off"],
    ["Host", session.hostOrganisation ?? "Our company"],
    [
      "Incentive",
      incentive
        ? `${incentive} per guest, paid by ${session.incentivePaidBy === "host" ? "the host" : "us"}`
        : "None",
    ],
  ];
  return (
    <Card title="About">
      <p className="whitespace-pre-line text-sm text-slate-700">{session.description || "No description."}</p>
      {session.agenda && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Agenda</h3>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm text-slate-700">
            {session.agenda
              .split("\n")
              .filter((l) => l.trim())
              .map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines are plain text and may repeat
                <li key={i}>{line}</li>
              ))}
          </ol>
        </>
      )}
      <dl className="mt-4 space-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3">
            <dt className="text-slate-600">{k}</dt>
            <dd className="text-right">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** The facilitator's edit form (time and cancellation are changed elsewhere: they notify guests). */
export function EditSessionCard({ session }: { session: Session }) {
  const defaults: SessionFieldDefaults = {
    ...session,
    hostOrganisation: session.hostOrganisation ?? "",
    incentiveAmount:
      session.incentiveAmountMinor !== null && session.incentiveCurrency
        ? minorToInput(session.incentiveAmountMinor, session.incentiveCurrency)
        : "",
    incentiveCurrency: session.incentiveCurrency ?? "",
    incentivePaidBy: session.incentivePaidBy ?? "",
  };
  return (
    <Card>
      <details>
        <summary className="cursor-pointer font-semibold text-blue-800">Edit details</summary>
        <ActionForm action={updateSessionAction} className="mt-4 space-y-4">
          <input type="hidden" name="sessionId" value={session.id} />
          <SessionFields d={defaults} />
          <Button>Save changes</Button>
        </ActionForm>
      </details>
    </Card>
  );
}
