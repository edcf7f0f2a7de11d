/** The part of web Headers the receiver reads; node-receiver.ts adapts node:http headers to it. */
export interface HeaderSource {
  get(name: string): string | null;
  forEach(fn: (value: string, name: string) => void): void;
}

// Headers are stored for ops to inspect; secrets and credentials never are.
const SECRET_HEADERS = new Set(["x-webhook-secret", "authorization", "cookie", "x-api-key", "proxy-authorization"]);

export function redactHeaders(headers: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}
