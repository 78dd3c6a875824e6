"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import type { FormState } from "@/components/ui/form-state";
import { zCreateCustomer, zEraseCustomer, zImportCsv, zUpdateCustomer } from "@/lib/validation/customers";
import { eraseCustomerByStaff } from "@/server/customers/erase-customer-by-staff";
import { importCustomers, type PreviewRow, previewCustomerImport } from "@/server/customers/import-customers";
import { createCustomer, updateCustomer } from "@/server/customers/save-customer";
import { readCsvField } from "./read-csv-field";

export const createCustomerAction = formAction(staffEntry(zCreateCustomer, createCustomer), {
  done: ({ id }) => redirect(`/customers/${id}?saved=1`),
});

export const updateCustomerAction = formAction(staffEntry(zUpdateCustomer, updateCustomer), {
  done: ({ id }) => {
    revalidatePath(`/customers/${id}`);
    revalidatePath("/customers");
    return "Saved.";
  },
});

export const eraseCustomerAction = formAction(staffEntry(zEraseCustomer, eraseCustomerByStaff), {
  done: () => {
    revalidatePath("/customers");
    redirect("/customers?erased=1");
  },
});

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

/** The CSV from an upload, a paste or a confirmed preview (read-csv-field.ts). */
const readCsv = async (form: FormData) => ({ csv: await readCsvField(form) });

/** Step 1: parse and validate, show what would happen. Nothing is stored. */
export const previewImportAction: (prev: ImportState, form: FormData) => Promise<ImportState> = formAction(
  staffEntry(zImportCsv, previewCustomerImport),
  {
    read: readCsv,
    done: (result, { csv }) => ({
      preview: { csvBase64: Buffer.from(csv, "utf8").toString("base64"), ...result },
    }),
  },
);

/** Step 2: the same text again, validated again; good rows are imported, bad rows skipped. */
export const importCustomersAction: (prev: ImportState, form: FormData) => Promise<ImportState> = formAction(
  staffEntry(zImportCsv, importCustomers),
  {
    read: readCsv,
    done: (imported) => {
      revalidatePath("/customers");
      return { imported };
    },
  },
);
