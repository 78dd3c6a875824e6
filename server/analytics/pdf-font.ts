import "server-only";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Noto Sans CJK SC ("Hans", OFL) from the @embedpdf/fonts-sc package: it covers Latin with every
 * Vietnamese letter and Simplified Chinese, so one font prints every quote. Read from
 * node_modules at run time, never fetched; pdfkit embeds only the glyphs used.
 */
export function pdfFontPaths(): { regular: string; bold: string } {
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("@embedpdf/fonts-sc");
  const dir = path.join(path.dirname(entry), "..", "fonts");
  return {
    regular: path.join(dir, "NotoSansHans-Regular.otf"),
    bold: path.join(dir, "NotoSansHans-Bold.otf"),
  };
}
