import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { customers } from "@/db/schema";
import {
  type CustomerFieldsInput,
  type UpdateCustomerInput,
  zCreateCustomer,
  zUpdateCustomer,
} from "@/lib/validation/customers";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, invalid, notFound } from "@/server/errors";
import { isDuplicateEmail } from "./customer-dto";
import { customerWithId } from "./customer-where";

const duplicate = () =>
  invalid("Another customer already has this email address.", {
    email: ["Another customer already has this email address"],
  });

/** Older rows may predate normalisation, so compare lower-cased. */
export async function customerIdByEmail(tx: Tx, email: string, exceptId?: string) {
  const [hit] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        sql`lower(${customers.email}) = ${email.toLowerCase()}`,
        exceptId ? ne(customers.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return hit?.id ?? null;
}

function assertMayWriteNeeds(actor: Actor, notes: unknown) {
  // Writing what one may not read would let a role probe or overwrite it blind.
  if (notes !== undefined && !can(actor, "customer.accessibility.read")) throw forbidden();
}

/** Adds a customer to the directory. The email is normalised and must be new. */
export async function createCustomer(actor: Actor, raw: CustomerFieldsInput): Promise<{ id: string }> {
  if (!can(actor, "customer.manage")) throw forbidden();
  const input = zCreateCustomer.parse(raw);
  assertMayWriteNeeds(actor, input.accessibilityNotes);
  try {
    return await db.transaction(async (tx) => {
      if (await customerIdByEmail(tx, input.email)) throw duplicate();
      const [row] = await tx
        .insert(customers)
        .values({ ...input, accessibilityNotes: input.accessibilityNotes ?? null })
        .returning({ id: customers.id });
      await audit(tx, actor, "create", "customer", row!.id);
      return { id: row!.id };
    });
  } catch (error) {
    // Two people adding the same email at once: the unique index decides, with the same message.
    if (isDuplicateEmail(error)) throw duplicate();
    throw error;
  }
}

/** Edits a customer. Notes left out of the input stay as they are. */
export async function updateCustomer(actor: Actor, raw: UpdateCustomerInput): Promise<{ id: string }> {
  if (!can(actor, "customer.manage")) throw forbidden();
  const { id, ...input } = zUpdateCustomer.parse(raw);
  assertMayWriteNeeds(actor, input.accessibilityNotes);
  try {
    return await db.transaction(async (tx) => {
      const existing = await tx.query.customers.findFirst({
        where: customerWithId(id),
        columns: { id: true },
      });
      if (!existing) throw notFound();
      if (await customerIdByEmail(tx, input.email, id)) throw duplicate();
      const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      await tx.update(customers).set(values).where(eq(customers.id, id));
      await audit(tx, actor, "update", "customer", id);
      return { id };
    });
  } catch (error) {
    if (isDuplicateEmail(error)) throw duplicate();
    throw error;
  }
}
