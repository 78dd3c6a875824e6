import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { loadStaffActor } from "@/server/staff/load-staff-actor";
import type { StaffActor } from "./actor";
import { auth } from "./config";

/** The signed-in staff member, loaded fresh from the database once per request (or null). */
export const currentStaff = cache(async (): Promise<StaffActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadStaffActor(db, userId, { sessionVersion: session.sessionVersion ?? 0 }) : null;
});

/** For pages: the staff actor, or a redirect to sign-in. */
export async function requireStaffPage(): Promise<StaffActor> {
  const actor = await currentStaff();
  if (!actor) redirect("/sign-in");
  return actor;
}
