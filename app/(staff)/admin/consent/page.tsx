import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { Card } from "@/components/ui/card";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS, LOCALES } from "@/lib/i18n/config";
import { CONSENT_PURPOSES_SHOWN } from "@/lib/i18n/consent-texts";
import { requireStaffPage } from "@/server/auth/staff";
import { consentField, listConsentVersions } from "@/server/consent/consent-versions";
import { createConsentVersionAction } from "../actions";
import { ConsentVersionForm } from "./consent-version-form";

export const metadata: Metadata = { title: "Consent texts" };

const PURPOSE_NAMES = {
  participate: "Taking part",
  quote_anonymously: "Quoting anonymously",
  record: "Recording (only for recorded sessions)",
  contact_after: "Contact afterwards",
} as const;
const LANGUAGE_NAMES = { en: "English", zh: "Chinese", vi: "Vietnamese" } as const;

/** Consent wording versions: write a new one (with a preview); old ones are shown, never changed. */
export default async function ConsentPage() {
  const actor = await requireStaffPage();
  const versions = await orNotFound(listConsentVersions(actor));
  const current = versions.find((v) => v.current) ?? versions[0]!;
  const fields = CONSENT_PURPOSES_SHOWN.flatMap((purpose) =>
    LOCALES.map((locale) => ({
      name: consentField(purpose, locale),
      purpose,
      locale,
      label: `${PURPOSE_NAMES[purpose]} (${LANGUAGE_NAMES[locale]})`,
      value: current.texts[locale][purpose],
    })),
  );
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeading back={{ href: "/admin", label: "Admin" }} title="Consent texts" />
      <p className="text-slate-700">
        A new version applies to invitations sent from now on. Invitations already sent keep their version,
        and every consent stays attached to the exact text it was given under: old versions can never be
        changed.
      </p>
      <Card title={`New version (starting from ${current.version})`}>
        <ConsentVersionForm action={createConsentVersionAction} fields={fields} />
      </Card>
      <h2 className="text-2xl font-semibold">Versions</h2>
      <ul className="space-y-4">
        {versions.map((v) => (
          <li key={v.version} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h3 className="font-semibold">
              {v.version}{" "}
              {v.current && (
                <span className="rounded bg-green-100 px-2 text-sm text-green-900">in force</span>
              )}
            </h3>
            <p className="text-sm text-slate-700">
              {v.createdAt
                ? `Written ${formatDateTime(v.createdAt, actor.timeZone, LOCALE_TAGS[actor.language])}`
                : "The wording built into the product"}
            </p>
            <dl className="mt-2 grid gap-2 sm:grid-cols-3">
              {LOCALES.map((l) => (
                <div key={l}>
                  <dt className="text-sm font-medium">{LANGUAGE_NAMES[l]}</dt>
                  <dd lang={l} className="text-sm">
                    <ul className="list-disc pl-5">
                      {CONSENT_PURPOSES_SHOWN.map((p) => (
                        <li key={p}>{v.texts[l][p]}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
