// The current state of one order at Points, ready for applyOrderSnapshot; for
// pages a person waits on, so it gives up quickly.
import type { OrderSnapshot } from "@/lib/orders/apply-order-snapshot";
import { PointsApiError } from "@/lib/points/errors";
import { getInteractivePointsClient } from "@/lib/points/get-points-client";
import { snapshotFromApi } from "./snapshot-from-api";

/** Null when Points does not know the uuid; other failures throw PointsApiError. */
export async function fetchOrderSnapshot(uuid: string): Promise<OrderSnapshot | null> {
  try {
    return snapshotFromApi(await getInteractivePointsClient().getOrder(uuid));
  } catch (e) {
    if (e instanceof PointsApiError && e.kind === "not_found") return null;
    throw e;
  }
}
