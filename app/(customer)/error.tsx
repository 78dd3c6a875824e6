"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { useErrorTexts } from "@/components/ui/error-texts";
import { StatusPage } from "@/components/ui/status-page";

// An unexpected failure on a customer page, in their language (texts from the root layout). The
// server logged the cause; nothing about it is shown here.
export default function CustomerError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useErrorTexts();
  useEffect(() => console.error(error), [error]);
  return (
    <StatusPage
      title={t.title}
      actions={
        <>
          <button type="button" onClick={() => retry()} className={buttonClass()}>
            {t.retry}
          </button>
          <Link href="/invite" className={buttonClass("secondary")}>
            {t.backToInvitation}
          </Link>
        </>
      }
    >
      <p>{t.body}</p>
    </StatusPage>
  );
}
