"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { useErrorTexts } from "@/components/ui/error-texts";
import { StatusPage } from "@/components/ui/status-page";

// An unexpected failure on a page outside the staff and customer areas (sign-in, link pages).
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
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
          <Link href="/" className={buttonClass("secondary")}>
            {t.back}
          </Link>
        </>
      }
    >
      <p>{t.body}</p>
    </StatusPage>
  );
}
