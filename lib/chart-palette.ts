// Okabe–Ito colours: told apart with every common colour-vision deficiency, and each paired with
// a shape or a label so nothing is carried by colour alone. All pass 3:1 against white.
export const CHART = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  green: "#007A5A", // Okabe–Ito green, darkened to reach 3:1 on white
  purple: "#A8508A",
  orange: "#B86E00",
  grid: "#CBD5E1",
  axis: "#475569",
  text: "#1E293B",
} as const;
