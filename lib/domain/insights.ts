/** The value/irritant grid: how customers and the company each see what an insight is about. */
export const GRID_AXIS = ["value", "irritant"] as const;
export type GridAxis = (typeof GRID_AXIS)[number];

/** Where a piece of evidence came from. */
export const EVIDENCE_SOURCES = ["survey", "room_note", "listening"] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** The grid's four quadrants: what to do about an insight, by how customers and the company see it. */
export type Quadrant = "eliminate" | "simplify" | "automate" | "leverage";

/**
 * Irritant to both: eliminate. Irritant to customers but of value to the company: simplify.
 * Of value to customers but an irritant to the company: automate. Value to both: leverage.
 */
export function quadrantOf(customer: GridAxis, company: GridAxis): Quadrant {
  if (customer === "irritant") return company === "irritant" ? "eliminate" : "simplify";
  return company === "irritant" ? "automate" : "leverage";
}

export const QUADRANT_LABELS: Record<Quadrant, { title: string; hint: string }> = {
  eliminate: { title: "Eliminate", hint: "Irritant to customers and to the company" },
  simplify: { title: "Simplify", hint: "Irritant to customers, of value to the company" },
  automate: { title: "Automate", hint: "Of value to customers, an irritant to the company" },
  leverage: { title: "Leverage", hint: "Of value to customers and to the company" },
};
