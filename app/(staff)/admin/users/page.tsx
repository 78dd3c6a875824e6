import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox, SelectField, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { zoneOptions } from "@/lib/dates";
import { STAFF_ROLES } from "@/lib/domain/staff";
import { listUsers } from "@/server/admin/users";
import { requireStaffPage } from "@/server/auth/staff";
import { createUserAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Staff" };

const ROLE_LABELS: Record<(typeof STAFF_ROLES)[number], string> = {
  admin: "Admin",
  facilitator: "Facilitator",
  executive: "Executive",
  agent: "Agent",
};
const ROLES = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default async function UsersPage() {
  const actor = await requireStaffPage();
  const people = await orNotFound(listUsers(actor));
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeading back={{ href: "/admin", label: "Admin" }} title="Staff" />
      <Card title="Invite a staff member">
        <ActionForm action={createUserAction} className="grid gap-4 sm:grid-cols-2">
          <TextField name="name" label="Name" required autoComplete="off" />
          <TextField name="email" label="Work email" type="email" required autoComplete="off" />
          <SelectField name="role" label="Role" options={ROLES} defaultValue="agent" />
          <SelectField
            name="timeZone"
            label="Time zone"
            options={zoneOptions(actor.timeZone)}
            defaultValue={actor.timeZone}
          />
          <Checkbox
            name="trainedForVulnerable"
            label="Trained to listen to customers in vulnerable circumstances"
          />
          <div className="sm:col-span-2">
            <Button>Invite</Button>
          </div>
        </ActionForm>
      </Card>
      <ul className="space-y-3">
        {people.map((p) => (
          <li key={p.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold">
              {p.name} {!p.active && <span className="text-sm font-normal text-red-800">(deactivated)</span>}
            </h2>
            <p className="text-sm text-slate-700 break-all">{p.email}</p>
            <ActionForm action={updateUserAction} className="mt-3 grid gap-3 sm:grid-cols-2">
              <input type="hidden" name="userId" value={p.id} />
              <SelectField name="role" label={`Role of ${p.name}`} options={ROLES} defaultValue={p.role} />
              <SelectField
                name="timeZone"
                label={`Time zone of ${p.name}`}
                options={zoneOptions(p.timeZone)}
                defaultValue={p.timeZone}
              />
              <Checkbox
                name="trainedForVulnerable"
                label="Trained for vulnerable customers"
                defaultChecked={p.trainedForVulnerable}
              />
              <Checkbox name="active" label="Has access" defaultChecked={p.active} />
              <div className="sm:col-span-2">
                <Button variant="secondary">Save {p.name}</Button>
              </div>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
