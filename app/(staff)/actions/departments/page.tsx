import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { listDepartmentHeads } from "@/server/action-items/list-department-heads";
import { requireStaffPage } from "@/server/auth/staff";
import { setDepartmentHeadAction } from "../actions";

export const metadata: Metadata = { title: "Department heads" };

/** Admins name each department's head: overdue actions escalate to them, then to the executives. */
export default async function DepartmentHeadsPage() {
  const actor = await requireStaffPage();
  const departments = await orNotFound(listDepartmentHeads(actor));
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Department heads</h1>
      <p className="text-slate-700">
        An action still open at its deadline is escalated to its department's head; three days later, to the
        executives.
      </p>
      <ul className="space-y-4">
        {departments.map((d) => (
          <li key={d.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <ActionForm action={setDepartmentHeadAction} className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="departmentId" value={d.id} />
              <SelectField
                name="headId"
                label={`Head of ${d.name}`}
                defaultValue={d.headId ?? ""}
                options={[
                  { value: "", label: "No head" },
                  ...d.members.map((m) => ({ value: m.id, label: m.name })),
                ]}
              />
              <Button variant="secondary">Save</Button>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
