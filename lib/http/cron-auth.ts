// Vercel Cron sends `Authorization: Bearer $CRON_SECRET`; compare in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (v: string) => createHash("sha256").update(v).digest();

export function isCronAuthorized(headers: Headers, cronSecret: string | undefined): boolean {
  if (!cronSecret) return false;
  const given = headers.get("authorization") ?? "";
  return timingSafeEqual(digest(given), digest(`Bearer ${cronSecret}`));
}
