import { cookies } from "next/headers";
import { INVITE_COOKIE } from "@/server/auth/invitee";
import { SURVEY_COOKIE } from "@/server/surveys/resolve-survey";

export type WayBack = { href: string; label: "backToSurvey" | "backToInvitation" | "backToStart" };

/**
 * Where "back" leads from a page that stands in for another: a customer's survey or invitation
 * when one of their link cookies is present, else the start page (staff sign in there). Only
 * the cookie's presence is read; the page behind the link checks it.
 */
export async function wayBack(): Promise<WayBack> {
  const store = await cookies();
  if (store.has(SURVEY_COOKIE)) return { href: "/survey", label: "backToSurvey" };
  if (store.has(INVITE_COOKIE)) return { href: "/invite", label: "backToInvitation" };
  return { href: "/", label: "backToStart" };
}
