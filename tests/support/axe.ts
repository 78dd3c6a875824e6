import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.2 AA violations on the current page, summarised for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Next streams metadata: right after a server action re-renders the page, <title> can arrive a
  // moment after the content. Give it that moment; a title that never comes is still reported.
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => {});
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}
