/** The seeded demo staff (db/seed.ts), one per role, for the demo sign-in panel. */
export const DEMO_ACCOUNTS = [
  { email: "facilitator@northwind.example", name: "Farah Facilitator", role: "Facilitator" },
  { email: "executive@northwind.example", name: "Evan Executive", role: "Executive" },
  { email: "owner@northwind.example", name: "Olu Owner", role: "Billing department owner" },
  { email: "agent@northwind.example", name: "Amira Agent", role: "Agent" },
  { email: "admin@northwind.example", name: "Ada Admin", role: "Admin" },
] as const;
