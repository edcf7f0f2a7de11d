// Support brings in an order by its Points uuid when no webhook ever did (it
// predates our endpoint, or Points gave up after its retries): one
// GET /orders/{uuid} (E5), applied through the same projection as webhooks,
// audited on the order so its timeline says it was fetched and by whom. Safe to
// repeat: an order we hold is simply brought up to date.
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { PointsApiError } from "@/lib/points/errors";
import type { Notice } from "@/lib/result/action-result";
import { snapshotFromApi } from "./snapshot-from-api";
import { applyOrderSnapshot } from "./apply-order-snapshot";

export type FetchOrderResult =
  | { ok: true; orderUuid: string; orderNumber: string; created: boolean; message: string; notice: Notice }
  | { ok: false; message: string; notice?: Notice };

export async function fetchOrderFromPoints(
  deps: { db: Db; client: Pick<PointsClient, "getOrder"> },
  actorId: string,
  uuid: string,
): Promise<FetchOrderResult> {
  const { db, client } = deps;
  let result: FetchOrderResult;
  try {
    const order = await client.getOrder(uuid, { orderUuid: uuid });
    const known = await db.order.findUnique({ where: { pointsUuid: order.uuid }, select: { id: true } });
    await applyOrderSnapshot(db, snapshotFromApi(order));
    result = {
      ok: true,
      orderUuid: order.uuid,
      orderNumber: order.order_number,
      created: !known,
      message: known ? "Order brought up to date from Points." : "Order fetched from Points.",
      notice: { key: known ? "Orders.fetch.updated" : "Orders.fetch.fetched" },
    };
  } catch (error) {
    if (!(error instanceof PointsApiError)) throw error;
    result =
      error.kind === "not_found"
        ? {
            ok: false,
            message: "Points does not know this uuid (or it belongs to another merchant). Check it in Points Business.",
            notice: { key: "Orders.fetch.unknownUuid" },
          }
        : { ok: false, message: error.message, notice: error.notice };
  }
  await recordAudit(db, {
    actorId,
    action: "order.fetched_from_points",
    target: uuid,
    detail: result.ok
      ? { outcome: "succeeded", message: result.message, orderNumber: result.orderNumber }
      : { outcome: "failed", message: result.message },
  });
  return result;
}
