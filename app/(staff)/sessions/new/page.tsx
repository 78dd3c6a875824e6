import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, SelectField, TextArea, TextField } from "@/components/ui/field";
import { COMMON_TIME_ZONES } from "@/lib/dates";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { createSessionAction } from "../actions";
import { FORMAT_LABELS } from "../format-labels";

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
          <TextField
            label="Title"
            name="title"
            required
            maxLength={200}
            placeholder="Billing after the tariff change"
          />
          <TextArea
            label="What the session is about"
            name="description"
            hint="Customers read this on their invitation page."
          />
          <SelectField
            label="Format"
            name="format"
            defaultValue="story_circle"
            options={Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Starts at" name="startsAtLocal" type="datetime-local" required />
            <SelectField
              label="Time zone"
              name="timeZone"
              defaultValue={actor.timeZone}
              options={zones.map((z) => ({ value: z, label: z }))}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Length (minutes)"
              name="durationMinutes"
              type="number"
              min={10}
              max={480}
              defaultValue={45}
            />
            <TextField
              label="Customer seats"
              name="seats"
              type="number"
              min={1}
              max={500}
              defaultValue={10}
            />
          </div>
          <Checkbox
            name="observersHidden"
            label="Observers listen without being shown to customers (customers still see how many listen)"
            defaultChecked
          />
          <Button>Create session</Button>
        </ActionForm>
      </div>
    </div>
  );
}
