"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const zPrefs = z.object({
  lang: z.enum(LOCALES).optional(),
  text: z.enum(["large", "normal"]).optional(),
  back: z
    .enum(["/invite", "/invite/room", "/survey", "/link-invalid", "/link-busy", "/withdrawn"])
    .default("/invite"),
});

const year = 60 * 60 * 24 * 365;

/** Language and text-size switchers for customer pages (a cookie each; no account needed). */
export async function setCustomerPreferences(form: FormData) {
  const parsed = zPrefs.safeParse(Object.fromEntries(form));
  await headers();
  if (!parsed.success) redirect("/invite");
  const store = await cookies();
  if (parsed.data.lang)
    store.set(LOCALE_COOKIE, parsed.data.lang, { path: "/", sameSite: "lax", maxAge: year });
  if (parsed.data.text) store.set("im_text", parsed.data.text, { path: "/", sameSite: "lax", maxAge: year });
  redirect(parsed.data.back);
}
