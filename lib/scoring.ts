/** CSAT %: share of 4s and 5s on the 1–5 scale, 0–100 (null without answers). */
export function csatPercent(satisfied: number, total: number): number | null {
  return total === 0 ? null : Math.round((satisfied / total) * 1000) / 10;
}

/** NPS: % promoters (9–10) minus % detractors (0–6), −100…100 (null without answers). */
export function netPromoterScore(promoters: number, detractors: number, total: number): number | null {
  return total === 0 ? null : Math.round(((promoters - detractors) / total) * 1000) / 10;
}

/** Monthly cost of a reason: contacts × handling time × hourly cost + customers at risk × lifetime value. */
export function monthlyCost(i: {
  contactsPerMonth: number;
  handlingMinutes: number;
  hourlyCost: number;
  customersAtRisk: number;
  lifetimeValue: number;
}): number {
  return Math.round(
    (i.contactsPerMonth * i.handlingMinutes * i.hourlyCost) / 60 + i.customersAtRisk * i.lifetimeValue,
  );
}
