/** The value/irritant grid: how customers and the company each see what an insight is about. */
export const GRID_AXIS = ["value", "irritant"] as const;
export type GridAxis = (typeof GRID_AXIS)[number];
