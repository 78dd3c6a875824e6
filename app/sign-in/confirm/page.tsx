import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { signInConfirmTarget } from "@/server/auth/sign-in-link";

// "same-origin", not "no-referrer": the token must not leave the site, but under "no-referrer"
// the browser posts the form with `Origin: null` and the site could not tell it from another's.
export const metadata: Metadata = { title: "Confirm sign-in", referrer: "same-origin" };

/**
 * Where an emailed sign-in link lands. Opening it changes nothing — mail scanners and link
 * previews open links too; the button posts the link to Auth.js, which signs in and uses it up.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const target = signInConfirmTarget(await searchParams);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Sign in to Immersion</h1>
      {target ? (
        <form
          method="post"
          action={target.action}
          className="mt-8 space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
        >
          <p>
            Continue as <strong className="break-all">{target.email}</strong>?
          </p>
          <p className="text-sm text-slate-700">The link works once: this button uses it.</p>
          <Button className="w-full">Sign in</Button>
        </form>
      ) : (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          This sign-in link is incomplete. Ask for a new one.
        </p>
      )}
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-blue-800 underline">
          Ask for a new link
        </Link>
      </p>
    </main>
  );
}
