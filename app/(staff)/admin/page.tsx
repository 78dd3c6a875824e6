import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  {
    href: "/admin/users",
    title: "Staff",
    text: "Invite staff, set roles, time zones and training; deactivate.",
  },
  {
    href: "/admin/departments",
    title: "Departments",
    text: "Create departments, name each one's head, choose members and owners.",
  },
  {
    href: "/admin/settings",
    title: "Company profile and data care",
    text: "Name and logo shown to customers, currency, support phone, survey frequency cap, retention period.",
  },
  {
    href: "/admin/consent",
    title: "Consent texts",
    text: "Write a new version in English, Chinese and Vietnamese, with a preview; old versions stay as they were.",
  },
  {
    href: "/admin/integrations",
    title: "Integrations",
    text: "LiveKit, SMTP, database and SSO: configured or not, answering or not (read-only).",
  },
  {
    href: "/admin/audit",
    title: "Audit log",
    text: "Who read or changed which record, when. Filter and export.",
  },
  {
    href: "/admin/deliveries",
    title: "Deliveries and jobs",
    text: "Emails that could not be delivered, failed or stuck background jobs, worker health.",
  },
];

export default async function AdminPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "user.manage")) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <Card key={s.href} title={s.title}>
            <p className="text-sm text-slate-700">{s.text}</p>
            <Link href={s.href} className="mt-3 inline-block font-medium text-blue-800 hover:underline">
              Open {s.title.toLowerCase()}
            </Link>
          </Card>
        ))}
      </div>
    </div>
  );
}
