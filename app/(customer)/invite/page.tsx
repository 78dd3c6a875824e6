import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Checkbox, TextArea } from "@/components/ui/field";
import { formatDateTime } from "@/lib/dates";
import { ACCOMMODATIONS } from "@/lib/domain/accommodations";
import { isLocale, LOCALE_TAGS } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import { currentInvitee } from "@/server/auth/invitee";
import { invitationView } from "@/server/invitations/invitation-view";
import { isSessionClosed } from "@/server/sessions/session-closed";
import { CustomerHeader } from "../customer-header";
import { respondAction, withdrawAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage() {
  const found = await currentInvitee();
  if (!found) redirect("/link-invalid");
  const locale = await getLocale();
  const v = await invitationView(found.actor, found, isLocale(locale) ? locale : "en");
  const t = await getTranslations("invite");
  const c = await getTranslations("common");
  const tag = isLocale(locale) ? LOCALE_TAGS[locale] : "en-GB";
  const status = v.invitation.status;
  const closed = isSessionClosed(v.session);
  // Someone who has already been in the room (attended) is still booked and may rejoin.
  const booked = status === "accepted" || status === "attended";
  const statusMessage = booked
    ? t("statusAccepted")
    : status === "waitlisted"
      ? t("statusWaitlisted")
      : status === "declined"
        ? t("statusDeclined")
        : null;
  const errors = {
    participateRequired: t("participateRequired"),
    closed: t("sessionEnded"),
    "Please check the highlighted fields.": c("checkFields"),
  };
  if (status === "withdrawn") {
    return (
      <>
        <CustomerHeader back="/invite" />
        <main id="main" className="mx-auto max-w-2xl px-4 py-10">
          <p className="text-lg">{t("statusWithdrawn")}</p>
        </main>
      </>
    );
  }
  return (
    <>
      <CustomerHeader back="/invite" />
      <main id="main" className="mx-auto max-w-2xl space-y-8 px-4 py-8 text-lg leading-relaxed">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{v.session.title}</h1>
          <p className="mt-3">{t("thanks", { name: v.greetingName })}</p>
          <p className="mt-2">{t("intro")}</p>
          {v.session.description && (
            <p className="mt-2 whitespace-pre-line text-slate-700">{v.session.description}</p>
          )}
        </div>

        {statusMessage && (
          <div role="status" className="rounded-lg border border-green-300 bg-green-50 p-4">
            <p className="font-semibold text-green-950">{statusMessage}</p>
            {booked && !closed && (
              <Link href="/invite/room" className={buttonClass("primary", "mt-3")}>
                {t("joinRoom")}
              </Link>
            )}
          </div>
        )}
        {v.session.status === "cancelled" && (
          <p role="status" className="rounded-lg bg-amber-50 p-4">
            {t("sessionCancelled")}
          </p>
        )}
        {v.session.status === "ended" && (
          <p role="status" className="rounded-lg bg-slate-100 p-4">
            {t("sessionEnded")}
          </p>
        )}

        <section aria-labelledby="when" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="when" className="text-xl font-semibold">
            {t("whenTitle")}
          </h2>
          <p className="mt-1">{formatDateTime(v.session.startsAt, v.customerTimeZone, tag)}</p>
          <p className="text-slate-700">{t("durationMinutes", { minutes: v.session.durationMinutes })}</p>
          <h2 className="mt-5 text-xl font-semibold">{t("whoTitle")}</h2>
          <p className="mt-1">{t("whoStaff", { count: v.staffCount })}</p>
          {v.staffRoles.length > 0 && (
            <p>
              {t("whoRoles", {
                roles: new Intl.ListFormat(tag).format(v.staffRoles.map((r) => t(`role_${r}`))),
              })}
            </p>
          )}
          <p>{v.session.observersHidden ? t("whoHidden") : t("whoVisible")}</p>
          {v.session.hostOrganisation && (
            <>
              <h2 className="mt-5 text-xl font-semibold">{t("hostTitle")}</h2>
              <p>{v.session.hostOrganisation}</p>
            </>
          )}
          {v.session.agenda && (
            <>
              <h2 className="mt-5 text-xl font-semibold">{t("agendaTitle")}</h2>
              <ol className="mt-1 list-decimal space-y-1 pl-6">
                {v.session.agenda
                  .split("\n")
                  .filter((line) => line.trim())
                  .map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: agenda lines are plain text and may repeat
                    <li key={i}>{line}</li>
                  ))}
              </ol>
            </>
          )}
          {v.session.incentive && (
            <>
              <h2 className="mt-5 text-xl font-semibold">{t("incentiveTitle")}</h2>
              <p>
                {v.session.incentive.paidBy === "host" && v.session.hostOrganisation
                  ? t("incentiveHost", {
                      amount: formatMoney(v.session.incentive.amountMinor, v.session.incentive.currency, tag),
                      host: v.session.hostOrganisation,
                    })
                  : t("incentiveCompany", {
                      amount: formatMoney(v.session.incentive.amountMinor, v.session.incentive.currency, tag),
                    })}
              </p>
            </>
          )}
          <h2 className="mt-5 text-xl font-semibold">{t("recordingTitle")}</h2>
          <p>{v.session.recordingEnabled ? t("recordingOn") : t("recordingOff")}</p>
          <h2 className="mt-5 text-xl font-semibold">{t("useTitle")}</h2>
          <p>{t("useBody")}</p>
        </section>

        {!closed && (
          <section
            aria-labelledby="choices"
            className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="choices" className="text-xl font-semibold">
              {statusMessage ? t("changeAnswer") : t("consentTitle")}
            </h2>
            <ActionForm action={respondAction} translateError={errors}>
              <fieldset>
                <legend className="text-base text-slate-700">{t("consentIntro")}</legend>
                <Checkbox
                  name="participate"
                  label={v.consentTexts.participate}
                  defaultChecked={v.consents.participate}
                />
                <Checkbox
                  name="quoteAnonymously"
                  label={v.consentTexts.quote_anonymously}
                  defaultChecked={v.consents.quoteAnonymously}
                />
                {v.session.recordingEnabled && (
                  <Checkbox name="record" label={v.consentTexts.record} defaultChecked={v.consents.record} />
                )}
                <Checkbox
                  name="contactAfter"
                  label={v.consentTexts.contact_after}
                  defaultChecked={v.consents.contactAfter}
                />
              </fieldset>
              <fieldset>
                <legend className="text-xl font-semibold">{t("accommodationsTitle")}</legend>
                <p className="text-base text-slate-700">{t("accommodationsIntro")}</p>
                {ACCOMMODATIONS.map((a) => (
                  <Checkbox
                    key={a}
                    name="accommodations"
                    value={a}
                    label={t(`acc_${a}`)}
                    defaultChecked={v.invitation.accommodations.includes(a)}
                  />
                ))}
                <div className="mt-3">
                  <TextArea
                    name="accommodationOther"
                    label={t("accOther")}
                    hint={t("accOtherHint")}
                    maxLength={1000}
                    rows={2}
                    defaultValue={v.invitation.accommodationOther}
                  />
                </div>
              </fieldset>
              <div className="flex flex-wrap gap-3">
                <Button name="decision" value="accept">
                  {t("accept")}
                </Button>
                <Button name="decision" value="decline" variant="secondary">
                  {t("decline")}
                </Button>
              </div>
            </ActionForm>
          </section>
        )}

        <section aria-labelledby="help" className="rounded-lg bg-slate-100 p-5">
          <h2 id="help" className="text-xl font-semibold">
            {t("signpostTitle")}
          </h2>
          <p className="mt-1">{c("help")}</p>
          <p className="mt-2">{t("signpostBody")}</p>
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold text-blue-800">{t("withdrawButton")}</summary>
            <ActionForm action={withdrawAction} className="mt-3 space-y-3">
              <p>{t("withdrawExplain")}</p>
              <Button variant="danger">{t("withdrawConfirm")}</Button>
            </ActionForm>
          </details>
        </section>
      </main>
    </>
  );
}
