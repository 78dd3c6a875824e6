import "server-only";
import type { Session } from "@/db/schema";
import { conflict } from "@/server/errors";

/** An ended or cancelled session is closed: nobody is invited, edited in, answered or let in again. */
export const isSessionClosed = (session: Pick<Session, "status">) =>
  session.status === "ended" || session.status === "cancelled";

/** Refuses a change to a closed session (409). */
export function assertSessionOpen(session: Pick<Session, "status">, message = "This session is closed") {
  if (isSessionClosed(session)) throw conflict(message);
}
