"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { currentStaff } from "@/server/auth/staff";
import { importCustomers, type PreviewRow, previewCustomerImport } from "@/server/customers/import-customers";
import { createCustomer, updateCustomer } from "@/server/customers/save-customer";
import { unauthenticated } from "@/server/errors";
import { readCsvField } from "./read-csv-field";

async function actor() {
  const a = await currentStaff();
  if (!a) throw unauthenticated();
  return a;
}

export async function createCustomerAction(_: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runForm(async () => {
    id = (await createCustomer(await actor(), formToObject(form) as never)).id;
  });
  if (state?.ok) redirect(`/customers/${id}?saved=1`);
  return state;
}

export async function updateCustomerAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const { id } = await updateCustomer(await actor(), formToObject(form) as never);
    revalidatePath(`/customers/${id}`);
    revalidatePath("/customers");
    return "Saved.";
  });
}

export type ImportPreview = {
  csvBase64: string;
  rows: PreviewRow[];
  columns: string[];
  counts: { create: number; update: number; error: number };
  defaultTimeZone: string;
};

export type ImportState =
  | (NonNullable<FormState> & {
      preview?: ImportPreview;
      imported?: { created: number; updated: number; skipped: number };
    })
  | null;

/** Step 1: parse and validate, show what would happen. Nothing is stored. */
export async function previewImportAction(_: ImportState, form: FormData): Promise<ImportState> {
  let preview: ImportPreview | undefined;
  const state = await runForm(async () => {
    const csv = await readCsvField(form);
    const result = await previewCustomerImport(await actor(), { csv });
    preview = { csvBase64: Buffer.from(csv, "utf8").toString("base64"), ...result };
  });
  return { ...state!, preview };
}

/** Step 2: the same text again, validated again; good rows are imported, bad rows skipped. */
export async function importCustomersAction(_: ImportState, form: FormData): Promise<ImportState> {
  let imported: { created: number; updated: number; skipped: number } | undefined;
  const state = await runForm(async () => {
    imported = await importCustomers(await actor(), { csv: await readCsvField(form) });
    revalidatePath("/customers");
  });
  return { ...state!, imported };
}
