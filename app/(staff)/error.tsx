"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

// An unexpected failure on a staff page, inside the staff layout (its navigation still works).
// Staff pages are in English; the cause is in the server log under the digest.
export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => console.error(error), [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <StatusPage
      main={false}
      title="Sorry, something went wrong"
      actions={
        <>
          <button type="button" onClick={() => retry()} className={buttonClass()}>
            Try again
          </button>
          <Link href="/" className={buttonClass("secondary")}>
            Go to the start page
          </Link>
        </>
      }
    >
      <p>This page could not be shown. Nothing you entered was lost; please try again in a moment.</p>
      {digest && <p className="text-sm text-slate-600">Reference for the server log: {digest}</p>}
    </StatusPage>
  );
}
