import Link from "next/link";
import type { ReactNode } from "react";
import { env } from "@/env";
import { can } from "@/server/auth/policy";
import { currentStaff } from "@/server/auth/staff";
import { signOutAction } from "./sign-out-action";

// Navigation only. Every page and action checks access itself; a layout is never the gate.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentStaff();
  const links = actor
    ? [
        can(actor, "dashboard.read") && { href: "/dashboard", label: "Dashboard" },
        { href: "/sessions", label: "Sessions" },
        { href: "/insights", label: "Insights" },
        can(actor, "survey.read") && { href: "/surveys", label: "Surveys" },
        { href: "/actions", label: "Actions" },
        { href: "/listening-log", label: "Listening log" },
        { href: "/codebook", label: "Codebook" },
        can(actor, "customer.list") && { href: "/customers", label: "Customers" },
        env.IMMERSION_DEMO && can(actor, "mailbox.read") && { href: "/mailbox", label: "Mailbox" },
        can(actor, "user.manage") && { href: "/admin", label: "Admin" },
      ].filter((l): l is { href: string; label: string } => Boolean(l))
    : [];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to main content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight">
            Immersion
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {links.map((l) => (
              <Link
                key={l.href}
                href={l.href}
                className="rounded px-3 py-2 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white"
              >
                {l.label}
              </Link>
            ))}
          </nav>
          {actor && (
            <form action={signOutAction} className="flex items-center gap-3 text-sm">
              <Link
                href="/profile"
                className="rounded px-2 py-2 text-slate-200 hover:bg-slate-800 hover:text-white"
              >
                {actor.name} · <span className="capitalize">{actor.role}</span>
              </Link>
              <button type="submit" className="rounded px-3 py-2 font-medium hover:bg-slate-800">
                Sign out
              </button>
            </form>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
