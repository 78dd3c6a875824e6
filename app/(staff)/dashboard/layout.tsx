import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";

// loading.tsx streams its fallback before the page runs, which fixes the status at 200. This
// layout runs first, so sign-in redirects and the 404 for roles without the dashboard keep
// their status. It is not the gate: the page and the domain check again.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffPage();
  if (!can(actor, "dashboard.read")) notFound();
  return children;
}
