import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup, TextField } from "@/components/ui/field";
import { LANGUAGES } from "@/lib/domain/languages";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { AdminHeader } from "../_components/admin-header";
import { updateSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Company profile" };

const LANGUAGE_NAMES = { en: "English", zh: "Chinese (Simplified)", vi: "Vietnamese" } as const;

export default async function SettingsPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "settings.manage")) notFound();
  const s = await getCompanySettings();
  return (
    <div className="max-w-3xl space-y-6">
      <AdminHeader title="Company profile and data care" />
      <Card title="Settings">
        <ActionForm action={updateSettingsAction} className="space-y-4">
          <TextField name="name" label="Company name (shown to customers)" defaultValue={s.name} required />
          <TextField
            name="logoUrl"
            label="Logo (an https:// address or a path on this site)"
            defaultValue={s.logoUrl ?? ""}
          />
          <TextField name="currency" label="Currency (ISO code)" defaultValue={s.currency} required />
          <TextField name="supportPhone" label="Support phone" defaultValue={s.supportPhone ?? ""} />
          <CheckboxGroup
            name="defaultLanguages"
            legend="Default languages"
            options={LANGUAGES.map((l) => ({
              value: l,
              label: LANGUAGE_NAMES[l],
              defaultChecked: s.defaultLanguages.includes(l),
            }))}
          />
          <TextField
            name="surveyFrequencyCapDays"
            label="Survey frequency cap (days between surveys to one customer)"
            inputMode="numeric"
            defaultValue={String(s.surveyFrequencyCapDays)}
          />
          <TextField
            name="retentionMonths"
            label="Retention period (months; older personal data is erased nightly)"
            inputMode="numeric"
            defaultValue={String(s.retentionMonths)}
          />
          <Button>Save settings</Button>
        </ActionForm>
      </Card>
    </div>
  );
}
