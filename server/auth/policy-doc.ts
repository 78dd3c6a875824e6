import { STAFF_ROLES } from "@/lib/domain/staff";
import { POLICY } from "./policy";

/** The policy table as Markdown (role × action), for people to read. */
export function renderPolicyMarkdown(): string {
  const head = ["action", "what", ...STAFF_ROLES, "customer link", "survey link"];
  const rows = Object.entries(POLICY).map(([action, rule]) => {
    const r = rule as { roles: readonly string[]; staffRule?: unknown; link?: string; describe: string };
    const cells = STAFF_ROLES.map((role) =>
      r.roles.includes(role) ? (r.staffRule && role !== "admin" ? "own" : "yes") : "—",
    );
    return [
      `\`${action}\``,
      r.describe,
      ...cells,
      r.link === "invitation" ? "own" : "—",
      r.link === "respondent" ? "own" : "—",
    ];
  });
  return [
    "# Authorization policy",
    "",
    "Generated from `server/auth/policy.ts` by `npx tsx scripts/render-policy.ts`; a test fails when it is stale.",
    "`own` means: only for the person's own resource (their session as facilitator or attendee, their",
    "department's or their own action, their own invitation or survey). Anonymous visitors may do nothing.",
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
  ].join("\n");
}
