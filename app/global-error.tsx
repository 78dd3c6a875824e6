"use client";

import { useEffect } from "react";
import { LOCALE_TAGS, LOCALES } from "@/lib/i18n/config";
import { FALLBACK_ERROR_TEXTS } from "@/lib/i18n/fallback-error-texts";

// Replaces the root layout when the root layout itself fails, so neither its styles nor its
// translation setup can be relied on: inline styles, and the message in every language we speak.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => console.error(error), [error]);
  const en = FALLBACK_ERROR_TEXTS.en;
  return (
    <html lang="en-GB">
      <body
        style={{ margin: 0, fontFamily: "system-ui, sans-serif", background: "#f8fafc", color: "#0f172a" }}
      >
        <title>{en.title}</title>
        <main style={{ maxWidth: "36rem", margin: "0 auto", padding: "3rem 1rem" }}>
          {LOCALES.map((l) => {
            const t = FALLBACK_ERROR_TEXTS[l];
            return (
              <section key={l} lang={LOCALE_TAGS[l]} style={{ marginBottom: "2rem" }}>
                {l === "en" ? <h1 style={{ fontSize: "1.75rem" }}>{t.title}</h1> : <h2>{t.title}</h2>}
                <p style={{ fontSize: "1.125rem", lineHeight: 1.6 }}>{t.body}</p>
              </section>
            );
          })}
          <div style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
            <button
              type="button"
              onClick={() => retry()}
              style={{
                minHeight: "2.75rem",
                padding: "0.5rem 1rem",
                border: 0,
                borderRadius: "0.375rem",
                background: "#1d4ed8",
                color: "#fff",
                fontWeight: 600,
                fontSize: "1rem",
              }}
            >
              <InEveryLanguage text="retry" />
            </button>
            <a href="/" style={{ alignSelf: "center", color: "#1e40af", fontWeight: 600 }}>
              <InEveryLanguage text="back" />
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}

/** One label in each language, each marked with its language for screen readers. */
function InEveryLanguage({ text }: { text: "retry" | "back" }) {
  return LOCALES.map((l, i) => (
    <span key={l} lang={LOCALE_TAGS[l]}>
      {i > 0 && " · "}
      {FALLBACK_ERROR_TEXTS[l][text]}
    </span>
  ));
}
