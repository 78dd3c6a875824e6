import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import "./env";
import { HSTS_VALUE, NON_PAGE_CSP } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  // A self-contained server in .next/standalone (server.js + the node_modules it traced), what the
  // container image runs; `next start` still works for the tests and a plain deploy.
  output: "standalone",
  // Read from disk at run time, so the tracer cannot see them: the migrations (verified or
  // applied at boot) and the VTIMEZONE files of @touch4it/ical-timezones.
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*", "./node_modules/@touch4it/ical-timezones/zones/**/*"],
  },
  // Native or Node-only packages: keep them out of the server bundle.
  serverExternalPackages: [
    "@libsql/client",
    "libsql",
    "nodemailer",
    "smtp-server",
    "werift",
    "livekit-server-sdk",
    // Reads its VTIMEZONE files from its own folder at run time.
    "@touch4it/ical-timezones",
    // The dashboard's PDF: pdfkit reads its font metrics, and we the CJK font, from their folders.
    "pdfkit",
    "@embedpdf/fonts-sc",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=()" },
          // Production builds only: `next dev` on https://localhost must not pin the host. Browsers
          // ignore it over plain http, so a demo build on http is unaffected.
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: HSTS_VALUE }]
            : []),
        ],
      },
      // Pages get a nonce-based policy per request from proxy.ts; what it does not see (JSON,
      // personal-link redirects) may load nothing and be framed by nobody.
      ...["/api/:path*", "/i/:path*", "/s/:path*"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }],
      })),
      // Personal links carry a token in the path: never leak it through the Referer header.
      { source: "/i/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/s/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ...["/invite", "/invite/:path*", "/survey", "/link-invalid", "/link-busy", "/withdrawn"].map(
        (source) => ({
          source,
          headers: [
            { key: "Referrer-Policy", value: "no-referrer" },
            { key: "Cache-Control", value: "no-store" },
          ],
        }),
      ),
    ];
  },
};

export default withNextIntl(config);
