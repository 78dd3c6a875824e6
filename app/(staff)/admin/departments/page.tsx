import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { listDepartments } from "@/server/admin/departments";
import { requireStaffPage } from "@/server/auth/staff";
import { saveDepartmentAction, setDepartmentMemberAction } from "../actions";

export const metadata: Metadata = { title: "Departments" };

const MEMBERSHIP = [
  { value: "member", label: "Member (sees the department's actions)" },
  { value: "owner", label: "Owner (works and resolves them)" },
  { value: "none", label: "Remove from the department" },
];

/** Admins create departments, name each one's head and choose its members and owners. */
export default async function DepartmentsPage() {
  const actor = await requireStaffPage();
  const { departments, staff } = await orNotFound(listDepartments(actor));
  const everyone = [{ value: "", label: "No head" }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeading back={{ href: "/admin", label: "Admin" }} title="Departments" />
      <p className="text-slate-700">
        Actions are owned by a department. One still open at its deadline is escalated to the department's
        head; three days later, to the executives.
      </p>
      <Card title="New department">
        <ActionForm action={saveDepartmentAction} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="name" label="Department name" required autoComplete="off" />
            <SelectField name="headId" label="Head" options={everyone} defaultValue="" />
          </div>
          <Button>Create department</Button>
        </ActionForm>
      </Card>
      <ul className="space-y-4">
        {departments.map((d) => {
          const memberIds = new Set(d.members.map((m) => m.id));
          const others = staff.filter((s) => !memberIds.has(s.id));
          return (
            <li key={d.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="text-lg font-semibold">{d.name}</h2>
              <ActionForm action={saveDepartmentAction} className="mt-3 space-y-3">
                <input type="hidden" name="departmentId" value={d.id} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="name" label={`Name of ${d.name}`} defaultValue={d.name} required />
                  <SelectField
                    name="headId"
                    label={`Head of ${d.name}`}
                    options={everyone}
                    defaultValue={d.headId ?? ""}
                  />
                </div>
                <Button variant="secondary">Save {d.name}</Button>
              </ActionForm>
              <h3 className="mt-4 font-medium">Members</h3>
              {d.members.length === 0 ? (
                <p className="text-sm text-slate-700">No members yet.</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-200">
                  {d.members.map((m) => (
                    <li key={m.id} className="py-2">
                      <ActionForm
                        action={setDepartmentMemberAction}
                        className="flex flex-wrap items-end gap-3"
                      >
                        <input type="hidden" name="departmentId" value={d.id} />
                        <input type="hidden" name="userId" value={m.id} />
                        <SelectField
                          name="membership"
                          label={`${m.name}${m.id === d.headId ? " (head)" : ""}${m.active ? "" : " (deactivated)"}`}
                          options={MEMBERSHIP}
                          defaultValue={m.isOwner ? "owner" : "member"}
                        />
                        <Button variant="secondary">
                          Save {m.name} in {d.name}
                        </Button>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              )}
              {others.length > 0 && (
                <ActionForm
                  action={setDepartmentMemberAction}
                  className="mt-3 flex flex-wrap items-end gap-3"
                >
                  <input type="hidden" name="departmentId" value={d.id} />
                  <SelectField
                    name="userId"
                    label={`Add to ${d.name}`}
                    options={others.map((s) => ({ value: s.id, label: s.name }))}
                  />
                  <SelectField
                    name="membership"
                    label="As"
                    options={MEMBERSHIP.slice(0, 2)}
                    defaultValue="member"
                  />
                  <Button variant="secondary">Add to {d.name}</Button>
                </ActionForm>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
