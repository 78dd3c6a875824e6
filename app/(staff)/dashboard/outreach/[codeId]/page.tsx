import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { outreachDraft } from "@/server/analytics/outreach-draft";
import { OUTREACH_DAYS } from "@/server/analytics/outreach-recipients";
import { requireStaffPage } from "@/server/auth/staff";
import { OutreachForm } from "./outreach-form";

export const metadata: Metadata = { title: "Proactive outreach" };

export default async function OutreachPage({ params }: { params: Promise<{ codeId: string }> }) {
  const actor = await requireStaffPage();
  const draft = await orNotFound(outreachDraft(actor, (await params).codeId));
  const total = draft.languages.reduce((t, l) => t + l.recipients, 0);
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/dashboard" className="text-sm font-medium text-blue-800 underline underline-offset-2">
        Back to the dashboard
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">
        Outreach about #{draft.code.number} {draft.code.label}
      </h1>
      <p className="text-slate-700">
        Drafted for the customers heard raising this in a session in the last {OUTREACH_DAYS} days who agreed
        to be contacted afterwards: {total} {total === 1 ? "customer" : "customers"}, each in their own
        language. Nothing is sent until you review the messages, edit them and confirm.
      </p>
      {total === 0 ? (
        <p className="font-medium">
          Nobody who raised this recently agreed to be contacted, so there is no one to write to.
        </p>
      ) : (
        <OutreachForm draft={draft} />
      )}
    </div>
  );
}
