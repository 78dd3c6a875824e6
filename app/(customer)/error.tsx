"use client";

import { ErrorPage } from "@/components/ui/error-page";

// An unexpected failure on a customer page, in their language (texts from the root layout).
export default function CustomerError(props: { error: unknown; retry: () => void }) {
  return <ErrorPage {...props} back={{ href: "/invite", label: "backToInvitation" }} />;
}
