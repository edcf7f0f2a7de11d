// One delivery for the payload viewer: the body as Points sent it, its
// (already redacted) headers, why it failed, and every processing attempt.
import type { Db } from "@/lib/db/prisma";
import { replayBlock } from "./replay-deliveries";

// A delivery with thousands of attempts is a bug elsewhere; the newest ones are what ops need.
const MAX_ATTEMPTS_SHOWN = 100;

export function prettyBody(raw: string): { json: boolean; text: string } {
  try {
    return { json: true, text: JSON.stringify(JSON.parse(raw), null, 2) };
  } catch {
    return { json: false, text: raw };
  }
}

function headerEntries(headers: unknown): Array<[string, string]> {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return [];
  return Object.entries(headers)
    .map(([name, value]): [string, string] => [name, typeof value === "string" ? value : JSON.stringify(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

export async function getDelivery(db: Db, id: bigint) {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id },
    include: { attemptLog: { orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: MAX_ATTEMPTS_SHOWN } },
  });
  if (!delivery) return null;
  const { rawBody, rawBytes, headers, attemptLog, ...fields } = delivery;
  return {
    ...fields,
    body: prettyBody(rawBody),
    /** Set when the body was not text PostgreSQL can hold: `body` is then a readable stand-in for these many bytes. */
    keptBytes: rawBytes ? rawBytes.byteLength : null,
    headers: headerEntries(headers),
    attemptLog,
    replayBlockedBecause: replayBlock(delivery),
  };
}

export type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
