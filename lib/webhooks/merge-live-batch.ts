// How a page of the log takes in a live batch: updated rows are patched in
// place, new ones are put where they sort (an insert that committed late can
// belong below the top), and the page is capped so a busy day cannot grow it
// without bound; the "Older" position then moves up to the last row kept.
import { deliveryCursor, type DeliveryPage, type DeliveryRow } from "./list-deliveries";

export const MAX_LIVE_ROWS = 200;

function newestFirst(a: DeliveryRow, b: DeliveryRow): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return BigInt(a.id) < BigInt(b.id) ? 1 : -1;
}

export function mergeLiveBatch(
  page: DeliveryPage,
  added: DeliveryRow[],
  updates: DeliveryRow[],
  max = MAX_LIVE_ROWS,
): DeliveryPage {
  const changed = new Map(updates.map((row) => [row.id, row]));
  const rows = page.rows.map((row) => changed.get(row.id) ?? row);
  const present = new Set(rows.map((row) => row.id));
  const merged = [...rows, ...added.filter((row) => !present.has(row.id))].sort(newestFirst);
  if (merged.length <= max) return { ...page, rows: merged };
  const kept = merged.slice(0, max);
  return { ...page, rows: kept, nextCursor: deliveryCursor(kept.at(-1)!) };
}
