/** Staff roles; what each may do is the policy table (server/auth/policy.ts). */
export const STAFF_ROLES = ["admin", "facilitator", "executive", "agent"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
