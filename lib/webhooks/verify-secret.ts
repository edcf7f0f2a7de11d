// X-Webhook-Secret is a shared secret sent verbatim (points-api.md §4.4).
// Both sides are hashed first so the compare always sees equal lengths and
// leaks neither the secret's length nor how many characters matched; every
// configured secret is checked, with no early exit, so timing does not reveal
// which one matched either.
import { createHash, timingSafeEqual } from "node:crypto";

export type SecretCheck = { ok: true; index: number } | { ok: false; reason: "missing_secret" | "wrong_secret" };

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function verifyWebhookSecret(provided: string | null | undefined, secrets: readonly string[]): SecretCheck {
  if (provided === null || provided === undefined || provided === "") return { ok: false, reason: "missing_secret" };
  const given = digest(provided);
  let match = -1;
  secrets.forEach((secret, index) => {
    if (timingSafeEqual(given, digest(secret)) && match === -1) match = index;
  });
  return match >= 0 ? { ok: true, index: match } : { ok: false, reason: "wrong_secret" };
}
