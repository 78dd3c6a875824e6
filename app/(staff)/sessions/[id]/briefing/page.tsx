import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { requireStaffPage } from "@/server/auth/staff";
import { getBriefing } from "@/server/sessions/get-briefing";
import { ModerationHistory } from "../../../_components/moderation-history";
import { ACC_LABELS } from "../../accommodation-labels";

export const metadata: Metadata = { title: "Facilitator briefing" };

const CONSENT_LABELS: [string, string][] = [
  ["quote_anonymously", "May be quoted anonymously"],
  ["record", "May be recorded"],
  ["contact_after", "May be contacted afterwards"],
];

/** Who is coming and what each guest needs, to prepare the room (facilitators and admins only). */
export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const { session, guests } = await orNotFound(getBriefing(actor, id));
  const withNeeds = guests.filter(
    (g) => g.accommodations.length || g.accommodationOther || g.accessibilityNotes,
  );
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/sessions/${id}`} className="text-sm text-blue-800 hover:underline">
          ← Back to the session
        </Link>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Briefing: {session.title}</h1>
        <p className="mt-1 text-slate-700">
          {formatDateTime(session.startsAt, actor.timeZone, LOCALE_TAGS[actor.language])} · {guests.length}{" "}
          guests · {withNeeds.length} with accommodations
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">
          Confidential: accommodations and notes are shared only with facilitators so the room can be ready.
          Never mention them in front of other guests; ask each person how they would like to be supported.
        </p>
      </div>
      {guests.length === 0 ? (
        <Card>
          <p className="text-slate-600">Nobody has booked yet.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {guests.map((g) => {
            const needs = [...g.accommodations.map((a) => ACC_LABELS[a] ?? a), g.accommodationOther].filter(
              (x): x is string => Boolean(x),
            );
            return (
              <li key={g.invitationId} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    <bdi>{g.name}</bdi>
                  </h2>
                  <Badge status={g.status} />
                </div>
                <p className="text-sm text-slate-600">
                  Speaks {g.language.toUpperCase()} · their time:{" "}
                  {formatDateTime(session.startsAt, g.timeZone)} ({g.timeZone})
                </p>
                <h3 className="mt-3 text-sm font-semibold">Asked for</h3>
                {needs.length ? (
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {needs.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-600">Nothing stated.</p>
                )}
                {g.supportedBy && (
                  <p data-supported-by className="mt-2 text-sm">
                    {session.format === "story_circle"
                      ? "Tells their story early in the order, heard by staff trained to support: "
                      : "Seated first at a table whose first staff member is trained to support: "}
                    {g.supportedBy.join(", ")}.
                  </p>
                )}
                {g.accessibilityNotes && (
                  <>
                    <h3 className="mt-3 text-sm font-semibold">Standing notes</h3>
                    <p className="text-sm whitespace-pre-line">{g.accessibilityNotes}</p>
                  </>
                )}
                {g.moderation.length > 0 && (
                  <>
                    <h3 className="mt-3 text-sm font-semibold">Moderation in earlier sessions</h3>
                    <ModerationHistory rows={g.moderation} timeZone={actor.timeZone} />
                  </>
                )}
                <h3 className="mt-3 text-sm font-semibold">Consents</h3>
                <ul className="mt-1 text-sm">
                  {CONSENT_LABELS.filter(([p]) => p !== "record" || session.recordingEnabled).map(
                    ([p, label]) => (
                      <li key={p}>
                        {g.consents[p] ? "✓" : "✗"} {label}
                      </li>
                    ),
                  )}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
