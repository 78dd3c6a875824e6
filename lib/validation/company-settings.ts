import { z } from "zod";
import { LANGUAGES } from "@/lib/domain/languages";

const isCurrency = (code: string) => {
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return Intl.supportedValuesOf("currency").includes(code);
  } catch {
    return false;
  }
};

/** A whole number in range, from a number or a plain decimal string (a form); nothing else. */
const zWhole = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, message).transform(Number)])
    .pipe(z.number().int(message).min(min, message).max(max, message));

/** What an admin may set in the company profile (every field given: the form shows them all). */
export const zCompanySettings = z.strictObject({
  name: z.string().trim().min(1, "Give the company's name").max(120),
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === "" || /^https:\/\/\S+$/.test(v) || /^\/[^/\s]\S*$/.test(v), {
      message: "An https:// address or a path on this site, or leave it empty",
    })
    .transform((v) => (v === "" ? null : v)),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrency, { message: "A three-letter ISO 4217 currency code such as GBP" }),
  supportPhone: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === "" || /^\+?[\d\s().-]{5,}$/.test(v), {
      message: "A phone number, or leave it empty",
    })
    .transform((v) => (v === "" ? null : v)),
  defaultLanguages: z.array(z.enum(LANGUAGES)).min(1, "Choose at least one language").max(LANGUAGES.length),
  surveyFrequencyCapDays: zWhole(0, 365, "A number of days from 0 to 365"),
  retentionMonths: zWhole(1, 120, "A number of months from 1 to 120"),
});
export type CompanySettingsInput = z.input<typeof zCompanySettings>;
