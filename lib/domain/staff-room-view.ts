import type { NoteView, QuestionView } from "./backroom-views";
import type { ModerationEntry } from "./moderation-entry";
import type { ReasonCodeView } from "./reason-codes";
import type { RoomRole } from "./room-roles";
import type { SessionStatus } from "./sessions";

/** A customer with a seat in the room, as staff see them (identity as minted for their token). */
export type RoomGuest = {
  invitationId: string;
  customerId: string;
  /** Their name, or a pseudonym ("Guest 3F2A") for staff without need-to-know. */
  name: string;
  pseudonymous: boolean;
  identity: string;
  /** Epoch milliseconds when the room removed them, if it did. */
  removedFromRoomAt: number | null;
};

export type RoomStaffMember = { id: string; name: string; roomRole: RoomRole; identity: string };

/**
 * Everything the staff room renders, loaded from the database on each page load and reconnect:
 * who is who, the moderation log, the backroom, and the lists the note form chooses from.
 */
export type StaffRoomView = {
  session: { id: string; title: string; status: SessionStatus; startedAt: number | null };
  me: { userId: string; identity: string };
  canModerate: boolean;
  guests: RoomGuest[];
  staff: RoomStaffMember[];
  moderation: { entries: ModerationEntry[]; priorByCustomer: Record<string, number> };
  backroom: { questions: QuestionView[]; notes: NoteView[] };
  reasonCodes: ReasonCodeView[];
  departments: { id: string; name: string }[];
};
