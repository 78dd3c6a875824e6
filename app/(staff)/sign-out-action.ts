"use server";

import { signOut } from "@/server/auth/config";
import { currentStaff } from "@/server/auth/staff";
import { revokeStaffSessions } from "@/server/staff/revoke-sessions";

export async function signOutAction() {
  // Deleting the cookie is not enough: a copy of it would stay valid until it expires.
  const actor = await currentStaff();
  if (actor) await revokeStaffSessions(actor.userId);
  await signOut({ redirectTo: "/sign-in" });
}
