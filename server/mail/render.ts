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
  const html = `<!doctype html><html lang="${escapeHtml(opts.lang)}"><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif;color:#111827"><div style="max-width:560px;margin:0 auto;padding:32px 16px"><div style="background:#ffffff;border-radius:8px;padding:32px"><p style="margin:0 0 24px;font-weight:700;color:#1d4ed8">Immersion</p><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(opts.heading)}</h1>${htmlBlocks.join("")}</div></div></body></html>`;
  const text = [
    opts.heading,
    "",
    ...opts.blocks.map((b) =>
      "paragraph" in b ? b.paragraph : "small" in b ? b.small : `${b.button.label}: ${b.button.href}`,
    ),
  ].join("\n\n");
  return { html, text };
}
