import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { customers } from "@/db/schema";
import { type CsvRow, parseCustomerCsv } from "@/lib/customer-csv";
import { zImportCsv } from "@/lib/validation/customers";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { invalid } from "@/server/errors";
import { isDuplicateEmail } from "./customer-dto";

export type PreviewRow =
  | (Extract<CsvRow, { ok: true }> & { action: "create" | "update" })
  | Extract<CsvRow, { ok: false }>;

function parse(actor: Actor, raw: unknown) {
  assertCan(actor, "customer.import");
  const { csv } = zImportCsv.parse(raw);
  const parsed = parseCustomerCsv(csv, { allowAccessibility: can(actor, "customer.accessibility.read") });
  if (parsed.fileErrors.length) throw invalid(parsed.fileErrors.join(" "), { csv: parsed.fileErrors });
  return { actor, parsed };
}

/** Existing customers by normalised email: a re-import updates them instead of duplicating. */
async function existingByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await tx
    .select({ id: customers.id, email: sql<string>`lower(${customers.email})` })
    .from(customers)
    .where(inArray(sql`lower(${customers.email})`, emails));
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Parses and validates a CSV and says, row by row, what confirming would do. Changes nothing:
 * the preview is computed again from the same text on confirm, so no half-imported state exists.
 */
export async function previewCustomerImport(actorIn: Actor, raw: unknown) {
  const { actor, parsed } = parse(actorIn, raw);
  const good = parsed.rows.filter((r) => r.ok);
  const existing = await existingByEmail(
    db,
    good.map((r) => r.data.email),
  );
  const rows: PreviewRow[] = parsed.rows.map((r) =>
    r.ok ? { ...r, action: existing.has(r.data.email) ? "update" : "create" } : r,
  );
  // The preview tells whether emails are already customers: a read of the directory.
  await audit(db, actor, "import_preview", "customer", null);
  return {
    columns: parsed.columns,
    rows,
    defaultTimeZone: actor.timeZone,
    counts: {
      create: rows.filter((r) => r.ok && r.action === "create").length,
      update: rows.filter((r) => r.ok && r.action === "update").length,
      error: rows.filter((r) => !r.ok).length,
    },
  };
}

/** Imports the good rows of a CSV in one transaction; bad rows are skipped and counted. */
export async function importCustomers(actorIn: Actor, raw: unknown) {
  const { actor, parsed } = parse(actorIn, raw);
  const good = parsed.rows.filter((r) => r.ok);
  if (good.length === 0) throw invalid("No row can be imported; correct the errors and try again.");
  try {
    return await db.transaction(async (tx) => {
      const existing = await existingByEmail(
        tx,
        good.map((r) => r.data.email),
      );
      let created = 0;
      let updated = 0;
      for (const { data } of good) {
        const id = existing.get(data.email);
        if (id) {
          const values = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
          await tx.update(customers).set(values).where(eq(customers.id, id));
          await audit(tx, actor, "import_update", "customer", id);
          updated++;
        } else {
          const [row] = await tx
            .insert(customers)
            .values({ ...data, timeZone: data.timeZone ?? actor.timeZone })
            .returning({ id: customers.id });
          await audit(tx, actor, "import_create", "customer", row!.id);
          created++;
        }
      }
      return { created, updated, skipped: parsed.rows.length - good.length };
    });
  } catch (error) {
    if (isDuplicateEmail(error))
      throw invalid("Someone added one of these customers meanwhile. Preview the file again.");
    throw error;
  }
}
