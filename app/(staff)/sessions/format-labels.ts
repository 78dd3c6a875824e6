import { SESSION_FORMATS } from "@/lib/domain/sessions";

export const FORMAT_LABELS: Record<string, string> = {
  story_circle: "Story circle",
  panel: "Panel",
  speed_dating: "Speed dating",
  mass_online: "Mass online immersion",
};

/** Every format as a select's choice, in the domain's order. */
export const FORMAT_CHOICES = SESSION_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] ?? f }));
