import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { CSV_TEMPLATE_HEADER } from "@/lib/customer-csv";
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from "@/lib/validation/customers";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import customers" };

export default async function ImportCustomersPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "customer.import")) notFound();
  const seesNeeds = can(actor, "customer.accessibility.read");
  const header = seesNeeds ? CSV_TEMPLATE_HEADER : CSV_TEMPLATE_HEADER.replace(",accessibility_notes", "");
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeading back={{ href: "/customers", label: "Customers" }} title="Import customers from CSV" />
      <section className="max-w-3xl space-y-2 text-slate-800">
        <p>
          The first row names the columns; <strong>name</strong> and <strong>email</strong> are required, the
          others optional and in any order:
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm">
          <code>{header}</code>
        </pre>
        <ul className="list-disc space-y-1 pl-6 text-sm">
          <li>
            A customer whose email is already in the directory is <strong>updated</strong>, not added twice.
            Blank cells leave what the record holds as it is.
          </li>
          <li>
            <code>language</code> is en, zh or vi; <code>time_zone</code> an IANA name such as Europe/London
            (blank: {actor.timeZone}); <code>contact_preference</code> is email, phone or none;{" "}
            <code>tags</code> are separated by <code>;</code>.
          </li>
          <li>
            Save the file as CSV UTF-8, at most {CSV_MAX_BYTES / 1024} KB and {CSV_MAX_ROWS} rows. You see a
            preview first; nothing is saved until you confirm.
          </li>
        </ul>
      </section>
      <ImportForm maxBytes={CSV_MAX_BYTES} />
    </div>
  );
}
