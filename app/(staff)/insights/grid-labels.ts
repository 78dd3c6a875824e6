/** The value/irritant grid: what to do with a reason, by how customers and the company see it. */
export function gridAdvice(customer: string, company: string): string {
  if (customer === "irritant" && company === "irritant") return "Eliminate";
  if (customer === "irritant" && company === "value") return "Simplify";
  if (customer === "value" && company === "irritant") return "Automate";
  return "Leverage";
}
