// Runs before every page and route: a fresh CSP nonce per request (Next reads
// it from the request's Content-Security-Policy and puts it on its scripts),
// HSTS over HTTPS in production, and the language of the customer page for
// the root layout's <html lang dir>.
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config/env";
import { CSP_HEADER, HSTS, isHttps, NON_PAGE_CSP, pageCsp, wantsHsts } from "@/lib/http/security-headers";
import { PAGE_LANG_HEADER } from "@/lib/http/page-lang";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const https = isHttps(request.nextUrl.href, headers);
  const { pathname } = request.nextUrl;

  let csp = NON_PAGE_CSP;
  if (!pathname.startsWith("/api/")) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const logo = getConfig().merchant.logoUrl;
    csp = pageCsp(nonce, {
      dev: process.env.NODE_ENV === "development",
      https,
      imageOrigins: logo ? [new URL(logo).origin] : [],
    });
    headers.set(CSP_HEADER, csp);
  }
  // Only this proxy says which language a page is in; a client's own value is dropped.
  headers.delete(PAGE_LANG_HEADER);
  if (pathname === "/checkout/callback")
    headers.set(PAGE_LANG_HEADER, request.nextUrl.searchParams.get("lang") === "en" ? "en" : "ar");

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CSP_HEADER, csp);
  if (wantsHsts(https)) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

export const config = {
  // Static build files carry no HTML; next.config.ts gives them the base headers. The webhook
  // receiver needs nothing of this proxy and sets its own CSP and HSTS (nonPageHeaders): a proxy
  // in front of a route with a body makes Next copy the body for it, which costs the receiver
  // more than its own work (docs/architecture.md, "The receiver's per-request path").
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/webhooks/points$).*)"],
};
