// This app's origin as the browser reached it, behind Vercel or another proxy:
// the fallback when no APP_URL says where the app lives.
export function requestOrigin(headers: Headers): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ||
    (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
