import type { Metadata } from "next";
import { TranslatedNotFound } from "./(customer)/translated-not-found";

export const metadata: Metadata = { title: "404" };

// Any address that matches no page, for staff and customers alike (customers' language from
// their cookie), so nobody meets the framework's English default.
export default function NotFound() {
  return <TranslatedNotFound />;
}
