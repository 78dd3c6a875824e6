import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/** Customer pages carry the company's name in the browser's title, not the product's. */
export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getCompanySettings();
  return { title: { default: name, template: `%s · ${name}` } };
}

export default function CustomerLayout({ children }: { children: ReactNode }) {
  return children;
}
