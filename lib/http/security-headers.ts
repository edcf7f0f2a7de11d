// The security headers of every response. Pages get a Content-Security-Policy
// with a fresh nonce per request (proxy.ts), which Next puts on its own
// scripts; everything else (API routes, static files, the custom server's
// webhook path) gets a policy that allows nothing to run or frame it.

/** On every response, whoever answers it. */
export const BASE_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // Callback links carry a token in their query string: never send it to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** For responses that are not pages (JSON, CSV, the webhook receiver). */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The base headers and NON_PAGE_CSP, for answers written outside Next (scripts/serve.ts's webhook path). */
export const NON_PAGE_HEADERS: Readonly<Record<string, string>> = Object.fromEntries([
  ...BASE_SECURITY_HEADERS.map(({ key, value }) => [key, value]),
  ["Content-Security-Policy", NON_PAGE_CSP],
]);

export const CSP_HEADER = "Content-Security-Policy";
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

/** Served over HTTPS, directly or behind a proxy that says so. */
export const isHttps = (url: string, headers: Pick<Headers, "get">) =>
  url.startsWith("https:") || headers.get("x-forwarded-proto") === "https";

/** HSTS belongs only to HTTPS in production. */
export const wantsHsts = (https: boolean) => https && process.env.NODE_ENV === "production";

/**
 * What proxy.ts would add to a non-page answer, for the paths it skips (the
 * webhook receiver); next.config.ts's headers() adds the base headers.
 */
export function nonPageHeaders(https: boolean): Record<string, string> {
  return wantsHsts(https) ? { [CSP_HEADER]: NON_PAGE_CSP, [HSTS.key]: HSTS.value } : { [CSP_HEADER]: NON_PAGE_CSP };
}

export function pageCsp(nonce: string, opts: { dev: boolean; https: boolean; imageOrigins?: readonly string[] }) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonce-bearing scripts load are trusted, no host list needed.
    // No eval in production (the client's zod schemas run jitless, instrumentation-client.ts); the
    // development server's React rebuilds server stack frames with eval, so only `npm run dev` allows it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (bar widths, Radix's positioning) cannot carry a nonce, so styles stay inline-able;
    // a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${opts.imageOrigins?.length ? ` ${opts.imageOrigins.join(" ")}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // GitHub sign-in posts to this app, which redirects the browser to GitHub.
    "form-action 'self' https://github.com",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
