import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { requireStaffPage } from "@/server/auth/staff";
import { listCustomers } from "@/server/customers/list-customers";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const actor = await requireStaffPage();
  const customers = await orNotFound(listCustomers(actor));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Customers</h1>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="p-3 font-medium">
                Name
              </th>
              <th scope="col" className="p-3 font-medium">
                Email
              </th>
              <th scope="col" className="p-3 font-medium">
                Language
              </th>
              <th scope="col" className="p-3 font-medium">
                Segment and tags
              </th>
              <th scope="col" className="p-3 font-medium">
                Accessibility
              </th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id} className="border-b border-slate-100 align-top">
                <td className="p-3 font-medium">{c.name}</td>
                <td className="p-3">{c.email}</td>
                <td className="p-3 uppercase">{c.language}</td>
                <td className="p-3">{[c.segment, ...c.tags].filter(Boolean).join(", ")}</td>
                <td className="p-3">{c.accessibilityNotes ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
