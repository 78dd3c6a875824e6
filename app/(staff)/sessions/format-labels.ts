export const FORMAT_LABELS: Record<string, string> = {
  story_circle: "Story circle",
  panel: "Panel",
  speed_dating: "Speed dating",
  mass_online: "Mass online immersion",
};
