// Renders docs/authorization.md from the policy table (server/auth/policy.ts), so the written
// policy and the enforced one cannot drift: a test checks the file is current.
import { writeFileSync } from "node:fs";
import { renderPolicyMarkdown } from "@/server/auth/policy-doc";

writeFileSync("docs/authorization.md", renderPolicyMarkdown());
console.log("docs/authorization.md written");
