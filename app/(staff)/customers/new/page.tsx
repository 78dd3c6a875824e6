import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { createCustomerAction } from "../actions";
import { CustomerForm } from "../customer-form";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "customer.manage")) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeading back={{ href: "/customers", label: "Customers" }} title="New customer" />
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <CustomerForm
          action={createCustomerAction}
          seesNeeds={can(actor, "customer.accessibility.read")}
          defaultTimeZone={actor.timeZone}
          submitLabel="Add customer"
        />
      </div>
    </div>
  );
}
