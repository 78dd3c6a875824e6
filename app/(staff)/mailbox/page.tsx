import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { Card, Stat } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { requireStaffPage } from "@/server/auth/staff";
import { devMailbox } from "@/server/notify/dev-mailbox";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

// Development only: what the local SMTP catcher received, and the outbox's state.
export default async function MailboxPage() {
  const actor = await requireStaffPage();
  const { mails, status } = await orNotFound(devMailbox(actor));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Development mailbox</h1>
      <p className="text-slate-700">
        Every email the app sent, as caught by the local SMTP catcher. Links open as the recipient would.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Waiting in outbox" value={status.counts.pending ?? 0} />
        <Stat label="Sent" value={status.counts.sent ?? 0} />
        <Stat label="Failed (dead letters)" value={status.counts.dead ?? 0} />
      </div>
      <div className="space-y-4">
        {mails.map((m) => (
          <Card key={m.id} title={m.subject}>
            <p className="text-sm text-slate-600">
              To {m.to} ·{" "}
              {m.date ? formatDateTime(new Date(m.date), actor.timeZone, LOCALE_TAGS[actor.language]) : ""}
            </p>
            <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">
              {linkify(m.text ?? "")}
            </pre>
          </Card>
        ))}
        {mails.length === 0 && <p className="text-slate-600">No mail yet.</p>}
      </div>
    </div>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: static split of one text
      <a key={i} href={part} className="break-all text-blue-800 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
