// Which address a request came from, for throttles and the log. A client can
// write any X-Forwarded-For it likes, so a forwarding header counts only where
// something we trust wrote it:
// - on Vercel, its edge's own headers, which it sets whatever the client sent;
// - under our own server (scripts/serve.ts), the socket's peer or, when that
//   peer is a proxy listed in TRUSTED_PROXY, the address it says it forwarded.
//   The server writes the answer into CLIENT_ADDRESS_HEADER, replacing any
//   value the client sent;
// - anywhere else (plain `next start` with no proxy we know): unknown, and the
//   callers' per-address limits then share one bucket.
export const CLIENT_ADDRESS_HEADER = "x-points-ops-client-address";

const marker = Symbol.for("points-ops.client-address-from-server");
const flags = globalThis as unknown as Record<symbol, boolean | undefined>;

/** Called once by the custom server, which sets CLIENT_ADDRESS_HEADER on every request. */
export function markClientAddressHeaderTrusted(): void {
  flags[marker] = true;
}

const normalise = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.)/, "");

/**
 * The client of a socket whose peer is `peer`: X-Forwarded-For is read from
 * the right, each hop believed only while the hop that reported it is trusted.
 */
export function forwardedClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: ReadonlySet<string>,
): string | null {
  if (!peer) return null;
  let client = normalise(peer);
  const hops = [forwardedFor ?? []].flat().join(",").split(",").map(normalise).filter(Boolean);
  while (trustedProxies.has(client) && hops.length) client = hops.pop()!;
  return client.slice(0, 100);
}

export function clientAddress(headers: Pick<Headers, "get">, onVercel = Boolean(process.env.VERCEL)): string | null {
  if (onVercel)
    return headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || null;
  return flags[marker] ? headers.get(CLIENT_ADDRESS_HEADER) || null : null;
}
