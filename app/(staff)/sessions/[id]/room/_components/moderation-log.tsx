import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import { customerIdentity } from "@/lib/domain/room-identity";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { STEP_LABEL } from "./room-ui";

/** Every moderation step of this session, in order, with who acted. */
export function ModerationLog({ view, log }: { view: StaffRoomView; log: ModerationEntry[] }) {
  const name = (identity: string) => view.guests.find((g) => g.identity === identity)?.name;
  return (
    <div>
      <h3 className="font-semibold">Moderation log</h3>
      {log.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing logged in this session.</p>
      ) : (
        <ul className="text-sm" aria-label="Moderation log">
          {log.map((e) => (
            <li key={e.id}>
              {new Date(e.createdAt).toISOString().slice(11, 19)} UTC — {STEP_LABEL[e.step]} for{" "}
              {name(customerIdentity(e.invitationId)) ?? "a guest"} ({e.category.replaceAll("_", " ")}), by{" "}
              {e.actedByName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
