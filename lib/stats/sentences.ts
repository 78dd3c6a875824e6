import type { Comparison } from "./before-after";

export function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

type Unit = {
  /** "satisfaction", "effort", "complaints about waiting" */
  subject: string;
  /** how one value reads: 0.61 → "61%", 3.2 → "3.2" */
  format: (v: number) => string;
  /** the difference with its unit: 0.11 → "11 points" */
  formatDifference: (v: number) => string;
  /** what to call the sample: "answers", "complaints" */
  sampleWord: string;
};

/**
 * One plain sentence for a before/after comparison, as the page shows it: the direction, the two
 * values, whether it is unlikely to be chance, the p-value and the sample; or, when either side
 * is too small, that there is not enough to tell.
 */
export function beforeAfterSentence(c: Comparison, unit: Unit): string {
  const subject = unit.subject.charAt(0).toUpperCase() + unit.subject.slice(1);
  const n = c.nBefore + c.nAfter;
  if (c.tooSmall) {
    return `Too few ${unit.sampleWord} to tell: ${c.nBefore} before and ${c.nAfter} after. ${subject} went from ${unit.format(c.before)} to ${unit.format(c.after)}, but a difference this size could easily be chance.`;
  }
  const moved =
    unit.format(c.before) === unit.format(c.after)
      ? `stayed at ${unit.format(c.after)}`
      : `${c.after > c.before ? "rose" : "fell"} from ${unit.format(c.before)} to ${unit.format(c.after)}`;
  const verdict = c.pValue < 0.05 ? "this is unlikely to be chance" : "this could be chance";
  const interval = `95% interval ${signed(unit.formatDifference(c.ciLow))} to ${signed(unit.formatDifference(c.ciHigh))}`;
  return `${subject} ${moved}; ${verdict}, ${formatP(c.pValue)}, n = ${n} (${interval}).`;
}

const signed = (s: string) =>
  s.startsWith("-") || s.startsWith("−") ? `−${s.replace(/^[-−]/, "")}` : `+${s}`;

export const percentUnit = (subject: string, sampleWord = "answers"): Unit => ({
  subject,
  format: (v) => `${Math.round(v * 100)}%`,
  formatDifference: (v) => `${(v * 100).toFixed(1)} points`,
  sampleWord,
});

export const meanUnit = (subject: string, sampleWord = "answers"): Unit => ({
  subject,
  format: (v) => v.toFixed(1),
  formatDifference: (v) => v.toFixed(2),
  sampleWord,
});

export const rateUnit = (subject: string): Unit => ({
  subject,
  format: (v) => `${v.toFixed(1)} a week`,
  formatDifference: (v) => `${v.toFixed(1)} a week`,
  sampleWord: "complaints",
});
