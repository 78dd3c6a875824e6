import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { COMMON_TIME_ZONES } from "@/lib/dates";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { createSessionAction } from "../actions";
import { SessionFields } from "../session-fields";

export const metadata: Metadata = { title: "New session" };

export default async function NewSessionPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "session.create")) notFound();
  const zones = [...new Set([actor.timeZone, ...COMMON_TIME_ZONES])];
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">New session</h1>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <ActionForm action={createSessionAction}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Starts at" name="startsAtLocal" type="datetime-local" required />
            <SelectField
              label="Time zone"
              name="timeZone"
              defaultValue={actor.timeZone}
              options={zones.map((z) => ({ value: z, label: z }))}
            />
          </div>
          <p className="-mt-3 text-sm text-slate-600">
            The zone the session is planned in; everyone sees the time in their own zone.
          </p>
          <SessionFields />
          <div className="flex flex-wrap gap-3">
            <Button name="saveAs" value="scheduled">
              Create and schedule
            </Button>
            <Button name="saveAs" value="draft" variant="secondary">
              Save as draft
            </Button>
          </div>
        </ActionForm>
      </div>
    </div>
  );
}
