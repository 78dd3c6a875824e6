import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { removeSessionStaffAction, setSessionStaffAction } from "../actions";

type StaffRow = { userId: string; name: string; role: string; roomRole: string };
type Candidate = { id: string; name: string; role: string; trained: boolean };

/** Who attends from the company and in which room role; the facilitator can add and remove. */
export function StaffCard({
  sessionId,
  staff,
  candidates,
  canManage,
}: {
  sessionId: string;
  staff: StaffRow[];
  candidates: Candidate[];
  canManage: boolean;
}) {
  const attending = new Set(staff.map((s) => s.userId));
  const addable = candidates.filter((c) => !attending.has(c.id));
  return (
    <Card title="Staff">
      <ul className="divide-y divide-slate-100 text-sm">
        {staff.map((s) => (
          <li key={s.userId} className="flex items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium">{s.name}</p>
              <p className="text-slate-600">
                <span className="capitalize">{s.role}</span> ·{" "}
                {s.roomRole === "facilitator" ? "runs the room" : `${s.roomRole} in the room`}
              </p>
            </div>
            {canManage && s.roomRole !== "facilitator" && (
              <ActionForm action={removeSessionStaffAction} className="shrink-0">
                <input type="hidden" name="sessionId" value={sessionId} />
                <input type="hidden" name="userId" value={s.userId} />
                <Button variant="ghost" className="min-h-9 px-2" aria-label={`Remove ${s.name}`}>
                  Remove
                </Button>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {canManage && addable.length > 0 && (
        <ActionForm action={setSessionStaffAction} className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <input type="hidden" name="sessionId" value={sessionId} />
          <SelectField
            label="Add a colleague"
            name="userId"
            options={addable.map((c) => ({
              value: c.id,
              label: `${c.name} (${c.role}${c.trained ? ", trained for vulnerable customers" : ""})`,
            }))}
          />
          <SelectField
            label="Room role"
            name="roomRole"
            defaultValue="observer"
            options={[
              { value: "observer", label: "Observer — listens only" },
              { value: "speaker", label: "Speaker — may be given the floor" },
            ]}
          />
          <Button variant="secondary">Add to session</Button>
        </ActionForm>
      )}
    </Card>
  );
}
