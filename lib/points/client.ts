// The one Points API client (points-api.md §2). Reads and idempotent writes
// return their data or throw PointsApiError; calls that create something or
// move money/order state return an ActionResult (see call-with-retry.ts).
import type { Db } from "@/lib/db/prisma";
import { DEFAULT_RETRY, type RetryPolicy } from "./backoff";
import { callAction, callIdempotent, type ActionResult, type Runner } from "./call-with-retry";
import { confirmByReading, settleDelays, type OrderAction } from "./confirm-effect";
import type {
  CancelRequest,
  CheckoutRequest,
  CompleteRequest,
  EarningRequest,
  ProductRatingRequest,
  RefundRequest,
  ShippingRequest,
  StoreRatingRequest,
  WebhookCreateRequest,
  WebhookUpdateRequest,
} from "./request-schemas";
import {
  actionOrderSchema,
  apiOrderSchema,
  checkoutResultSchema,
  deleteResultSchema,
  earningResultSchema,
  integrationStatusSchema,
  webhookEndpointSchema,
  webhookListSchema,
  type ApiOrder,
} from "./schemas";
import { sendRequest, type CallContext, type Endpoint, type Transport } from "./send-request";

export interface PointsClientOptions {
  baseUrl: string;
  privateKey: string;
  publicKey: string;
  /** When given, every attempt is recorded in points_api_calls. */
  db?: Db;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
}

export interface ActionOptions {
  intentId?: string;
  /**
   * The order as Points returned it just before this call (e.g. from getOrder),
   * used to tell whether a lost call took effect. Refunds need one, so when it
   * is missing the client reads the order itself before refunding. Do not
   * build it from our own order store: a snapshot that missed a webhook would
   * make another change look like ours.
   */
  before?: ApiOrder;
}

export type { ActionResult, CallContext };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const seg = encodeURIComponent;
const orderPath = (uuid: string, action?: OrderAction | "status") =>
  `/orders/${seg(uuid)}${action ? `/${action}` : ""}`;

export function createPointsClient(o: PointsClientOptions) {
  const transport: Transport = {
    baseUrl: o.baseUrl,
    privateKey: o.privateKey,
    publicKey: o.publicKey,
    db: o.db,
    fetch: o.fetch ?? globalThis.fetch,
    timeoutMs: o.timeoutMs ?? 10_000,
  };
  const sleep = o.sleep ?? realSleep;
  const runner: Runner = {
    send: (ep, attempt, ctx) => sendRequest(transport, ep, attempt, ctx),
    retry: { ...DEFAULT_RETRY, ...o.retry },
    sleep,
  };

  const read = async <T>(ep: Omit<Endpoint<T>, "auth">, ctx: CallContext = {}) =>
    (await callIdempotent(runner, { ...ep, auth: "private" }, ctx)).data;
  const create = <T>(ep: Omit<Endpoint<T>, "auth" | "method">, ctx: CallContext = {}) =>
    callAction(runner, { ...ep, method: "POST", auth: "private" }, ctx);

  const getOrder = (uuid: string, ctx: CallContext = {}) =>
    read({ method: "GET", path: orderPath(uuid), data: apiOrderSchema }, { orderUuid: uuid, ...ctx });

  async function orderAction(
    action: OrderAction,
    uuid: string,
    body: unknown,
    opts: ActionOptions = {},
  ): Promise<ActionResult<ApiOrder | null>> {
    const ctx = { orderUuid: uuid, intentId: opts.intentId };
    const before = opts.before ?? (action === "refund" ? await getOrder(uuid, ctx) : undefined);
    const confirm = confirmByReading(() => getOrder(uuid, ctx), action, before, {
      sleep,
      delaysMs: settleDelays(runner.retry),
    });
    return callAction(
      runner,
      { method: "POST", path: orderPath(uuid, action), auth: "private", body, data: actionOrderSchema },
      ctx,
      confirm,
    );
  }

  return {
    // GET /orders/{uuid} (E5)
    getOrder,
    // POST /orders/earning (E1); data is the order, or a pending_client_activation payload
    createEarningOrder: (body: EarningRequest, ctx?: CallContext) =>
      create({ path: "/orders/earning", body, data: earningResultSchema }, ctx),
    // POST /orders/earning/store-rating (E2)
    createStoreRatingOrder: (body: StoreRatingRequest, ctx?: CallContext) =>
      create({ path: "/orders/earning/store-rating", body, data: earningResultSchema }, ctx),
    // POST /orders/earning/product-rating (E3)
    createProductRatingOrder: (body: ProductRatingRequest, ctx?: CallContext) =>
      create({ path: "/orders/earning/product-rating", body, data: earningResultSchema }, ctx),
    // POST /orders/checkout/{publicKey} (E4): the public key authenticates, never x-api-key
    beginCheckout: (body: CheckoutRequest, ctx: CallContext = {}) =>
      callAction(
        runner,
        {
          method: "POST",
          path: `/orders/checkout/${seg(o.publicKey)}`,
          logPath: "/orders/checkout/{publicKey}",
          auth: "public",
          body,
          data: checkoutResultSchema,
        },
        ctx,
      ),
    // POST /orders/{uuid}/authorize|capture|complete|cancel|refund (E6–E10)
    authorize: (uuid: string, opts?: ActionOptions) => orderAction("authorize", uuid, undefined, opts),
    capture: (uuid: string, opts?: ActionOptions) => orderAction("capture", uuid, undefined, opts),
    complete: (uuid: string, body?: CompleteRequest, opts?: ActionOptions) => orderAction("complete", uuid, body, opts),
    cancel: (uuid: string, body: CancelRequest, opts?: ActionOptions) => orderAction("cancel", uuid, body, opts),
    refund: (uuid: string, body: RefundRequest, opts?: ActionOptions) => orderAction("refund", uuid, body, opts),
    // POST /orders/{uuid}/status (E11): sets values, so sending it twice ends in the same state
    updateShippingStatus: (uuid: string, body: ShippingRequest, ctx: CallContext = {}) =>
      read(
        { method: "POST", path: orderPath(uuid, "status"), body, data: apiOrderSchema },
        { orderUuid: uuid, ...ctx },
      ),
    // GET /webhooks (W1); pagination format UNKNOWN, whatever came in appended_data is passed on
    async listWebhooks(query: { per_page?: number } = {}, ctx: CallContext = {}) {
      const res = await callIdempotent(
        runner,
        { method: "GET", path: "/webhooks", query, auth: "private", data: webhookListSchema },
        ctx,
      );
      return { items: res.data, appended: res.appended };
    },
    // POST /webhooks (W2): the secret is in the answer only this once
    createWebhook: (body: WebhookCreateRequest, ctx?: CallContext) =>
      create({ path: "/webhooks", body, data: webhookEndpointSchema }, ctx),
    // GET /webhooks/{uuid} (W3)
    getWebhook: (uuid: string, ctx?: CallContext) =>
      read({ method: "GET", path: `/webhooks/${seg(uuid)}`, data: webhookEndpointSchema }, ctx),
    // PATCH /webhooks/{uuid} (W4)
    updateWebhook: (uuid: string, body: WebhookUpdateRequest, ctx?: CallContext) =>
      read({ method: "PATCH", path: `/webhooks/${seg(uuid)}`, body, data: webhookEndpointSchema }, ctx),
    // DELETE /webhooks/{uuid} (W5)
    deleteWebhook: (uuid: string, ctx?: CallContext) =>
      read({ method: "DELETE", path: `/webhooks/${seg(uuid)}`, data: deleteResultSchema }, ctx),
    // POST /integration/status (I1): documented as idempotent
    setIntegrationActive: (active: boolean, ctx?: CallContext) =>
      read({ method: "POST", path: "/integration/status", body: { active }, data: integrationStatusSchema }, ctx),
  };
}

export type PointsClient = ReturnType<typeof createPointsClient>;
