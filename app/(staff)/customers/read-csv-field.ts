import "server-only";
import { CSV_MAX_BYTES } from "@/lib/validation/customers";
import { invalid } from "@/server/errors";

/**
 * The CSV from an upload (`file`), a paste (`csv`) or a preview being confirmed (`csvBase64`). A file's bytes must be UTF-8:
 * decoding is fatal, so a file saved in another encoding is refused instead of silently garbled.
 */
export async function readCsvField(form: FormData): Promise<string> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > CSV_MAX_BYTES)
      throw invalid(`The file is larger than ${CSV_MAX_BYTES / 1024} KB; split it into smaller files.`, {
        file: [`At most ${CSV_MAX_BYTES / 1024} KB`],
      });
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      throw invalid("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.", {
        file: ["Save the file as CSV UTF-8"],
      });
    }
  }
  // The preview hands the exact text back in base64: form submission would turn each newline
  // (also those inside quoted cells) into CRLF, and the import must be what the preview showed.
  const exact = form.get("csvBase64");
  if (typeof exact === "string" && exact !== "") {
    if (exact.length > (CSV_MAX_BYTES * 4) / 3 + 4) throw invalid("The file is too large.");
    return Buffer.from(exact, "base64").toString("utf8");
  }
  // Text pasted in a textarea arrives with CRLF line breaks; the person typed LF.
  const pasted = form.get("csv");
  return typeof pasted === "string" ? pasted.replace(/\r\n/g, "\n") : "";
}
