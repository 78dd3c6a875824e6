import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { PageHeading } from "@/components/ui/page-heading";
import { listIntegrations } from "@/server/admin/integrations";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Integrations" };
// Probed on every visit: a cached answer would say "reachable" about a service that is down now.
export const dynamic = "force-dynamic";

const STATE = {
  yes: { label: "Answering", className: "bg-green-100 text-green-900" },
  no: { label: "Not answering", className: "bg-red-100 text-red-900" },
  none: { label: "Not configured", className: "bg-slate-100 text-slate-800" },
};

/** Read-only: LiveKit, SMTP, database and SSO are set by the environment (README "Configuration"). */
export default async function IntegrationsPage() {
  const actor = await requireStaffPage();
  const rows = await orNotFound(listIntegrations(actor));
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeading back={{ href: "/admin", label: "Admin" }} title="Integrations" />
      <p className="text-slate-700">
        Set in the server's environment, not here (see the README's configuration table). Each service was
        asked just now.
      </p>
      <table className="w-full overflow-hidden rounded-lg bg-white text-left shadow-sm ring-1 ring-slate-200">
        <thead className="bg-slate-50 text-sm">
          <tr>
            <th scope="col" className="px-4 py-2">
              Service
            </th>
            <th scope="col" className="px-4 py-2">
              Configured
            </th>
            <th scope="col" className="px-4 py-2">
              Reachable
            </th>
            <th scope="col" className="px-4 py-2">
              Where
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => {
            const state = r.reachable === null ? STATE.none : r.reachable ? STATE.yes : STATE.no;
            return (
              <tr key={r.name}>
                <th scope="row" className="px-4 py-3 font-semibold">
                  {r.name}
                </th>
                <td className="px-4 py-3">
                  {r.configured ? "Yes" : "No"}
                  {r.developmentDefault && (
                    <span className="block text-sm text-amber-900">development default</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <span className={`rounded px-2 py-1 text-sm font-medium ${state.className}`}>
                    {state.label}
                  </span>
                </td>
                <td className="px-4 py-3 text-sm break-all text-slate-700">{r.detail}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
