import "server-only";

/** Escapes text for HTML; every value placed in an email goes through it. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * Stands for the company's name (admin settings) in a subject, heading or paragraph; the outbox
 * (server/notify/outbox.ts) puts the name in when it queues the mail, so no caller has to load
 * the settings. Private-use characters: no real text contains them, and escaping leaves them alone.
 */
export const COMPANY = "\u{F8FF}company\u{F8FF}";
/** Where the HTML part's header goes: the company's logo (when set) and name. */
export const BRAND_HEADER = "\u{F8FF}brand-header\u{F8FF}";

/** The company as emails show it. */
export type MailBrand = { name: string; logoUrl: string | null };

/** Puts the company's name and logo into a rendered mail (and its subject). */
export function applyBrand<M extends { subject: string; html: string; text: string }>(
  mail: M,
  brand: MailBrand,
  absolute: (path: string) => string,
): M {
  const name = brand.name.replace(/[\r\n]+/g, " ").trim() || "Immersion";
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(absolute(brand.logoUrl))}" alt="" height="32" style="height:32px;width:auto;vertical-align:middle;margin-right:8px">`
    : "";
  const header = `<p style="margin:0 0 24px;font-weight:700;color:#1d4ed8">${logo}${escapeHtml(name)}</p>`;
  return {
    ...mail,
    subject: mail.subject.replaceAll(COMPANY, name),
    text: mail.text.replaceAll(COMPANY, name),
    html: mail.html.replaceAll(BRAND_HEADER, header).replaceAll(COMPANY, escapeHtml(name)),
  };
}

export type MailBlock =
  | { paragraph: string }
  | { button: { label: string; href: string } }
  | { small: string };

/** Renders a short transactional email as matching HTML and plain-text parts. */
export function renderMail(opts: { lang: string; heading: string; blocks: MailBlock[] }): {
  html: string;
  text: string;
} {
  const htmlBlocks = opts.blocks.map((b) => {
    if ("paragraph" in b) return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(b.paragraph)}</p>`;
    if ("small" in b)
      return `<p style="margin:24px 0 0;font-size:13px;color:#4b5563">${escapeHtml(b.small)}</p>`;
    return `<p style="margin:24px 0"><a href="${escapeHtml(b.button.href)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(b.button.label)}</a></p>`;
  });
  const html = `<!doctype html><html lang="${escapeHtml(opts.lang)}"><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif;color:#111827"><div style="max-width:560px;margin:0 auto;padding:32px 16px"><div style="background:#ffffff;border-radius:8px;padding:32px">${BRAND_HEADER}<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(opts.heading)}</h1>${htmlBlocks.join("")}</div></div></body></html>`;
  const text = [
    COMPANY,
    "",
    opts.heading,
    "",
    ...opts.blocks.map((b) =>
      "paragraph" in b ? b.paragraph : "small" in b ? b.small : `${b.button.label}: ${b.button.href}`,
    ),
  ].join("\n\n");
  return { html, text };
}
