// The security headers of every response: a nonce-based Content-Security-Policy for pages (Next's
// own inline scripts carry the nonce, proxy.ts makes one per request), a locked-down policy for
// everything that is not a page (JSON, redirects, files), and HSTS from production builds.
// Pure: the caller passes the settings, so proxy.ts, next.config.ts and the tests share one source.

/** Two years, the HSTS preload list's minimum; sent by production builds only (decision 026). */
export const HSTS_VALUE = "max-age=63072000";

/** For responses that are never a page: nothing may load, nobody may frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export type PageCspOptions = {
  nonce: string;
  /** The LiveKit server's ws(s):// URL: the room page opens its socket and its HTTP check there. */
  livekitUrl: string;
  /** The company identity provider: signing in by SSO posts a form that redirects there. */
  oidcIssuer?: string;
  /** `next dev` evaluates code for fast refresh; a production build never does. */
  development: boolean;
  /** The site is served over https: every subresource must be too. */
  https: boolean;
};

const originOf = (url: string) => new URL(url).origin;

export function pageCsp(o: PageCspOptions): string {
  const livekit = new URL(o.livekitUrl);
  // The same server over HTTP(S): livekit-client checks a failed connection with a fetch.
  const livekitHttp = `${livekit.protocol === "wss:" ? "https:" : "http:"}//${livekit.host}`;
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonced bootstrap may load Next's chunks; no other script runs.
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (chart bars, meters) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // An admin-set company logo may live on any https host; camera previews are blob: URLs.
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self' data:",
    `connect-src 'self' ${livekit.origin} ${livekitHttp}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${o.oidcIssuer ? ` ${originOf(o.oidcIssuer)}` : ""}`,
    "frame-ancestors 'none'",
  ];
  if (o.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
