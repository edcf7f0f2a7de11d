// The caller's address as the proxy in front of us (Vercel, nginx) reports it.
export function clientAddress(headers: Pick<Headers, "get">): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}
