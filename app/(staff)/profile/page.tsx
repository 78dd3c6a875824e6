import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { formatDateTime, zoneOptions } from "@/lib/dates";
import { LANGUAGES } from "@/lib/domain/languages";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { requireStaffPage } from "@/server/auth/staff";
import { getOwnProfile } from "@/server/staff/own-profile";
import { updateOwnProfileAction } from "./actions";

export const metadata: Metadata = { title: "Your profile" };

const LANGUAGE_NAMES = { en: "English", zh: "中文 (简体) — Chinese", vi: "Tiếng Việt — Vietnamese" } as const;

/** Each staff member sets their own time zone and language preference, used wherever they see dates. */
export default async function ProfilePage() {
  const actor = await requireStaffPage();
  const me = await orNotFound(getOwnProfile(actor));
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Your profile</h1>
      <p className="text-slate-700">
        {me.name} · <span className="break-all">{me.email}</span>
      </p>
      <Card title="Time zone and language">
        <ActionForm action={updateOwnProfileAction} className="space-y-4">
          <SelectField
            name="timeZone"
            label="Your time zone"
            options={zoneOptions(me.timeZone)}
            defaultValue={me.timeZone}
          />
          <SelectField
            name="language"
            label="Your language (how dates are written for you)"
            options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            defaultValue={me.language}
          />
          <p className="text-sm text-slate-700">
            Now, for you: {formatDateTime(new Date(), me.timeZone, LOCALE_TAGS[me.language])}
          </p>
          <Button>Save</Button>
        </ActionForm>
      </Card>
    </div>
  );
}
