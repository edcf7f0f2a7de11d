// What the call log may keep of a body (points-api.md §7: redact keys, secrets
// and PII). Applied to requests and responses alike, since Points may echo input.

const SECRET_KEY = /secret|api[-_]?key|password|token/i;
const PHONE_KEY = /phone|mobile/i;
// Addresses are PII and never needed to debug a call.
const ADDRESS_KEY = /address/i;

export const REDACTED = "[redacted]";

/** "512345678" → "5******78": enough to tell two customers apart, not to call one. */
export function maskPhone(value: string): string {
  const compact = value.replace(/[\s\-().]/g, "");
  if (compact.length <= 3) return "*".repeat(compact.length);
  return `${compact[0]}${"*".repeat(compact.length - 3)}${compact.slice(-2)}`;
}

export function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => (s ? t.split(s).join(REDACTED) : t), text);
}

/**
 * A copy of `value` safe to store. `secrets` are literal values (the API keys)
 * that must not survive anywhere in it, even inside an echoed message.
 */
export function redactBody(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactBody(v, secrets));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = v === null || v === undefined ? v : REDACTED;
    else if (PHONE_KEY.test(key) && typeof v === "string") out[key] = maskPhone(v);
    else if (ADDRESS_KEY.test(key) && v !== null && v !== undefined) out[key] = REDACTED;
    else out[key] = redactBody(v, secrets);
  }
  return out;
}
