// Last line of defence for logs: whatever a caller passes, known secrets and
// Saudi mobile numbers never reach the output.
const PHONE = /(?:\+|00)?(?:966)?0?5\d{8}\b/g;

export function createScrubber(secrets: readonly string[]) {
  // Longest first, so a secret that contains another is replaced whole.
  const known = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  const scrubString = (value: string): string => {
    let out = value;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
    return out.replace(PHONE, (m) => `${m.slice(0, m.length - 8).replace(/\d/g, "*")}******${m.slice(-2)}`);
  };
  const scrub = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return scrubString(value);
    if (depth > 8 || value === null || typeof value !== "object") return value;
    if (value instanceof Error)
      return { type: value.name, message: scrubString(value.message), stack: value.stack && scrubString(value.stack) };
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
  };
  return scrub;
}
