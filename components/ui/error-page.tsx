"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { useErrorTexts } from "@/components/ui/error-texts";
import { StatusPage } from "@/components/ui/status-page";

/**
 * What an error boundary shows: the translated apology, a retry and a way back. The server logged
 * the cause; nothing about it is shown here.
 */
export function ErrorPage({
  error,
  retry,
  back,
}: {
  error: unknown;
  retry: () => void;
  back: { href: string; label: "back" | "backToInvitation" };
}) {
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
          <Link href={back.href} className={buttonClass("secondary")}>
            {t[back.label]}
          </Link>
        </>
      }
    >
      <p>{t.body}</p>
    </StatusPage>
  );
}
