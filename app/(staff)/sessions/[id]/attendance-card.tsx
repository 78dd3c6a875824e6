import { Card } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import type { Actor } from "@/server/auth/actor";
import { sessionAttendance } from "@/server/rooms/attendance";

const time = (d: Date | null, timeZone: string) =>
  d ? new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(d) : "…";
const minutes = (s: number) => (s < 60 ? `${s} s` : `${Math.round(s / 60)} min`);

/** Time in the room per guest and staff member, with every join and leave (from the room's webhooks). */
export async function AttendanceCard({
  actor,
  sessionId,
  timeZone,
}: {
  actor: Actor;
  sessionId: string;
  timeZone: string;
}) {
  const rows = await sessionAttendance(actor, sessionId);
  if (rows.length === 0) return null;
  return (
    <Card title="Time in the room">
      <table className="w-full text-left text-sm" data-attendance>
        <ColumnHeads
          labels={["Who", "In the room", "Joined – left"]}
          className="text-slate-600"
          cellClassName="py-1 pr-3 font-medium"
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-200 align-top" data-attendance-row={r.kind}>
              <td className="py-1 pr-3">
                <bdi>{r.name}</bdi>
                {r.kind === "staff" && <span className="text-slate-600"> (staff)</span>}
              </td>
              <td className="py-1 pr-3 tabular-nums">
                {minutes(r.totalSeconds)}
                {r.inRoom && <span className="text-green-800"> · in the room now</span>}
              </td>
              <td className="py-1 tabular-nums">
                {r.spans
                  .map((s) => `${time(s.joinedAt, timeZone)}–${s.leftAt ? time(s.leftAt, timeZone) : "now"}`)
                  .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
