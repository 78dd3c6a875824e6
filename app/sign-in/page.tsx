import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { demoSignInEnabled, emailSignInEnabled, oidcEnabled } from "@/server/auth/config";
import { currentStaff } from "@/server/auth/staff";
import { demoSignIn, emailSignIn, oidcSignIn } from "./actions";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (await currentStaff()) redirect("/");
  const { error } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Sign in to Immersion</h1>
      <p className="mt-2 text-slate-700">For staff. Customers use the personal link in their invitation.</p>
      {error && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {error === "busy"
            ? "Too many sign-in requests from here. Try again in a few minutes."
            : "That sign-in did not work. The link may have expired or been used already; ask for a new one."}
        </p>
      )}
      {emailSignInEnabled && (
        <form
          action={emailSignIn}
          className="mt-8 space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
        >
          <div>
            <label htmlFor="email" className="block text-sm font-medium">
              Work email
            </label>
            <input
              id="email"
              name="email"
              type="email"
              required
              autoComplete="email"
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <Button className="w-full">Email me a sign-in link</Button>
        </form>
      )}
      {oidcEnabled && (
        <form action={oidcSignIn} className="mt-4">
          <Button variant="secondary" className="w-full">
            Sign in with company SSO
          </Button>
        </form>
      )}
      {demoSignInEnabled && (
        <section
          aria-labelledby="demo"
          className="mt-8 rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 p-6"
        >
          <h2 id="demo" className="font-semibold text-amber-950">
            Demo mode: sign in as a demo role
          </h2>
          <p className="mt-1 text-sm text-amber-950">
            Only shown when IMMERSION_DEMO is on. Never enable it in production.
          </p>
          <div className="mt-4 grid gap-2">
            {DEMO_ACCOUNTS.map((a) => (
              <form key={a.email} action={demoSignIn}>
                <input type="hidden" name="email" value={a.email} />
                <Button variant="secondary" className="w-full justify-between">
                  <span>{a.name}</span>
                  <span className="text-xs font-normal text-slate-700">{a.role}</span>
                </Button>
              </form>
            ))}
          </div>
        </section>
      )}
    </main>
  );
}
