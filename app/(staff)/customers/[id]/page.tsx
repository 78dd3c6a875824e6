import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { getCustomer } from "@/server/customers/get-customer";
import { customerModerationHistory } from "@/server/rooms/moderation/moderation-history";
import { ModerationHistory } from "../../_components/moderation-history";
import { updateCustomerAction } from "../actions";
import { CustomerForm } from "../customer-form";
import { CONTACT_LABELS, LANGUAGE_LABELS } from "../labels";
import { EraseCustomerForm } from "./erase-form";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const actor = await requireStaffPage();
  const customer = await orNotFound(getCustomer(actor, id));
  const seesNeeds = "accessibilityNotes" in customer;
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        {can(actor, "customer.list") && (
          <Link href="/customers" className="text-sm font-medium text-blue-800 hover:underline">
            ← Customers
          </Link>
        )}
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-3xl font-bold tracking-tight">{customer.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            In the directory since{" "}
            {formatDate(customer.createdAt, actor.timeZone, LOCALE_TAGS[actor.language])}
          </p>
        </div>
        {can(actor, "customer.export") && (
          <form method="post" action={`/customers/${customer.id}/export`}>
            <button type="submit" className={buttonClass("secondary")}>
              Export this customer’s data (JSON)
            </button>
          </form>
        )}
      </div>
      {saved === "1" && (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900"
        >
          Customer added.
        </p>
      )}
      {customer.pseudonymous && (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
          You see this customer under a pseudonym: name and contact details are shown only to admins and to
          the facilitators of their sessions.
        </p>
      )}
      {can(actor, "customer.manage") && !customer.pseudonymous ? (
        <Card title="Details">
          <CustomerForm
            action={updateCustomerAction}
            customer={customer}
            seesNeeds={seesNeeds}
            defaultTimeZone={actor.timeZone}
            submitLabel="Save changes"
          />
        </Card>
      ) : (
        <Card title="Details">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            {(
              [
                ...(customer.pseudonymous
                  ? []
                  : ([
                      ["Email", customer.email],
                      ["Phone", customer.phone ?? "—"],
                    ] as const)),
                ["Preferred language", LANGUAGE_LABELS[customer.language]],
                ["Time zone", customer.timeZone],
                ["Contact preference", CONTACT_LABELS[customer.contactPreference]],
                ["Segment", customer.segment ?? "—"],
                ["Tags", customer.tags.join(", ") || "—"],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      )}
      {can(actor, "customer.moderation.read") && (
        <Card title="Moderation history">
          <ModerationHistory
            rows={await customerModerationHistory(actor, customer.id)}
            timeZone={actor.timeZone}
          />
        </Card>
      )}
      {can(actor, "customer.erase") && (
        <Card title="Erase on request">
          <EraseCustomerForm customerId={customer.id} />
        </Card>
      )}
    </div>
  );
}
