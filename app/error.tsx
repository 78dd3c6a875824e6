"use client";

import { ErrorPage } from "@/components/ui/error-page";

// An unexpected failure on a page outside the staff and customer areas (sign-in, link pages).
export default function RootError(props: { error: unknown; retry: () => void }) {
  return <ErrorPage {...props} back={{ href: "/", label: "back" }} />;
}
