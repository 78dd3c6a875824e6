import type { NoteView } from "@/lib/domain/backroom-views";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { clock } from "./room-ui";

/** The session's notes in the order they were heard, with their reason codes in number order. */
export function NoteList({ view, notes }: { view: StaffRoomView; notes: NoteView[] }) {
  const numberOf = (id: string) => view.reasonCodes.find((r) => r.id === id)?.number ?? 0;
  const sortedCodes = (ids: string[]) => [...ids].sort((a, b) => numberOf(a) - numberOf(b));
  const codeLabel = (id: string) => {
    const c = view.reasonCodes.find((r) => r.id === id);
    return c ? `${c.number}. ${c.label}` : "";
  };
  const sorted = [...notes].sort((a, b) => a.atSeconds - b.atSeconds || a.createdAt - b.createdAt);
  return (
    <ol className="space-y-2" aria-label="Notes">
      {sorted.map((n) => (
        <li key={n.id} className="rounded-md bg-white p-2 text-sm ring-1 ring-slate-200">
          <p>
            <span className="font-mono">{clock(n.atSeconds)}</span>{" "}
            {n.kind === "quote" ? `“${n.text}”` : n.text}
          </p>
          <p className="text-slate-600">
            {n.emotion}, {n.contact} contact
            {n.departmentId && `, ${view.departments.find((d) => d.id === n.departmentId)?.name ?? ""}`}
            {n.customerId && `, ${view.guests.find((g) => g.customerId === n.customerId)?.name ?? ""}`}
            {n.reasonCodeIds.length > 0 && ` — ${sortedCodes(n.reasonCodeIds).map(codeLabel).join("; ")}`} —{" "}
            {n.authorName}
          </p>
        </li>
      ))}
    </ol>
  );
}
