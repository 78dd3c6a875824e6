// Incentives are stored as integers in the currency's minor unit (pence, cents; the dong and
// the yen have none), so amounts never pick up floating-point drift.

/** How many decimals the currency's minor unit has (GBP 2, VND 0), from the platform's ISO data. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "25.50" GBP → 2550; "200000" VND → 200000. */
export function toMinorUnits(amount: string, currency: string): number {
  return Math.round(Number(amount) * 10 ** minorDigits(currency));
}

/** 2550 GBP → "£25.50" in the reader's locale. */
export function formatMoney(minor: number, currency: string, localeTag: string): string {
  return new Intl.NumberFormat(localeTag, { style: "currency", currency }).format(
    minor / 10 ** minorDigits(currency),
  );
}

/** The amount as a form shows it for editing (2550 GBP → "25.50"). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** An amount in major units (an estimate: 1240.6 GBP → "£1,241"), in the company's currency. */
export function formatEstimate(amount: number, currency: string, localeTag = "en-GB"): string {
  return new Intl.NumberFormat(localeTag, { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount,
  );
}
