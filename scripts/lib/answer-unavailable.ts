// The self-hosted server's answer when what should answer cannot (Next.js
// restarting, a handler that threw): a 503 Points and browsers retry, never a
// hung request. scripts/serve.ts and scripts/serve-pages.ts both give it.
import type { ServerResponse } from "node:http";
import { NON_PAGE_HEADERS } from "@/lib/http/security-headers";

export function answerUnavailable(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(503, { ...NON_PAGE_HEADERS, "content-type": "application/json" });
  res.end('{"ok":false,"error":"temporarily unavailable; retry later"}');
}
