import { createClock, type Clock } from "./clock";
import { CallLog } from "./call-log";
import { EndpointStore } from "./endpoints";
import { FaultInjector } from "./faults";
import { resolveFidelity, FIDELITY_PRESETS, type Fidelity, type FidelityInput, type FidelityMode } from "./fidelity";
import { toWebhookOrder, webhookExtras, webhookTime } from "./order-resource";
import { OrderStore } from "./orders";
import { DEFAULT_DELIVERY_CONFIG, DeliveryEngine, type DeliveryConfig } from "./webhook-delivery";

export interface SimOptions {
  port?: number;
  host?: string;
  privateKey?: string;
  publicKey?: string;
  webhookSecret?: string;
  webhookUrls?: string[];
  delivery?: Partial<DeliveryConfig>;
  log?: (line: string) => void;
  /** Points per SAR for purchases and checkouts (default 10). */
  pointsMultiplier?: number;
  /** Keep orders in this JSON file across restarts (default: memory only). */
  stateFile?: string;
  /** "extended" (default) or "documented" (only what points-api.md documents), optionally with single switches. */
  fidelity?: FidelityMode | FidelityInput;
}

export const CAPABILITIES = ["earning", "store_rating", "product_rating", "checkout", "refunds", "shipping"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface MerchantSettings {
  privateKey: string;
  publicKey: string;
  /** The key's own validity flag (dashboard "revoke"). */
  keyActive: boolean;
  /** I1 flag; ASSUMPTION: false makes every call but I1 answer 400 "inactive". */
  integrationActive: boolean;
  /** Unverified merchants cannot create/update/delete webhooks (403). */
  verified: boolean;
  pointsMultiplier: number;
  storeRatingPoints: number;
  productRatingPoints: number;
  /** Re-sending an earning reference within this window → 429 instead of 422. */
  lockWindowMs: number;
  /** How long an earning call holds the merchant lock; overlapping calls → 429. */
  lockHoldMs: number;
}

export interface SimState {
  readonly opts: Required<Pick<SimOptions, "host" | "privateKey" | "publicKey" | "webhookSecret" | "webhookUrls">> &
    SimOptions;
  baseUrl: string;
  merchant: MerchantSettings;
  /** What answers and webhooks carry (fidelity.ts); POST /__control/fidelity changes it. */
  fidelity: Fidelity;
  capabilities: Record<Capability, boolean>;
  clock: Clock;
  orders: OrderStore;
  endpoints: EndpointStore;
  delivery: DeliveryEngine;
  faults: FaultInjector;
  calls: CallLog;
  /** reference → time of the last earning call that used it */
  recentEarningRefs: Map<string, number>;
  merchantLockBusy: boolean;
  log: (line: string) => void;
}

function initialMerchant(s: SimState["opts"]): MerchantSettings {
  return {
    privateKey: s.privateKey,
    publicKey: s.publicKey,
    keyActive: true,
    integrationActive: true,
    verified: true,
    pointsMultiplier: s.pointsMultiplier ?? 10,
    storeRatingPoints: 50,
    productRatingPoints: 25,
    lockWindowMs: 0,
    lockHoldMs: 0,
  };
}

const allCapabilities = () => Object.fromEntries(CAPABILITIES.map((c) => [c, true])) as Record<Capability, boolean>;

export function createState(options: SimOptions = {}): SimState {
  const opts: SimState["opts"] = {
    ...options,
    host: options.host ?? "127.0.0.1",
    privateKey: options.privateKey ?? "points-demo-private-key",
    publicKey: options.publicKey ?? "points-demo-public-key",
    webhookSecret: options.webhookSecret ?? "points-demo-webhook-secret",
    webhookUrls: options.webhookUrls ?? [],
  };
  const log = options.log ?? (() => {});
  const clock = createClock();
  const endpoints = new EndpointStore(clock);
  const delivery = new DeliveryEngine({ ...DEFAULT_DELIVERY_CONFIG, ...options.delivery }, () => endpoints.list(), log);
  const state: SimState = {
    opts,
    baseUrl: "",
    merchant: initialMerchant(opts),
    fidelity: resolveFidelity(opts.fidelity, FIDELITY_PRESETS.extended),
    capabilities: allCapabilities(),
    clock,
    endpoints,
    delivery,
    orders: new OrderStore(
      clock,
      () => state.merchant,
      (event, order, refund) => {
        const f = state.fidelity;
        const extras = webhookExtras(event, order, f, refund);
        const timestamp = webhookTime(order.updatedAt, f);
        delivery.dispatch(event, { event, order: toWebhookOrder(order, extras, f), timestamp });
      },
    ),
    faults: new FaultInjector(),
    calls: new CallLog(),
    recentEarningRefs: new Map(),
    merchantLockBusy: false,
    log,
  };
  registerStartEndpoints(state);
  return state;
}

function registerStartEndpoints(state: SimState): void {
  state.opts.webhookUrls.forEach((url, i) =>
    state.endpoints.create({ name: `sim-endpoint-${i + 1}`, url, secret: state.opts.webhookSecret }),
  );
}

/** Back to the start configuration: orders, deliveries, calls, faults and switches dropped. */
export function resetState(state: SimState): void {
  state.orders.clear();
  state.delivery.reset();
  state.faults.reset();
  state.calls.clear();
  state.recentEarningRefs.clear();
  state.merchantLockBusy = false;
  state.merchant = initialMerchant(state.opts);
  state.fidelity = resolveFidelity(state.opts.fidelity, FIDELITY_PRESETS.extended);
  state.capabilities = allCapabilities();
  state.endpoints.clear();
  registerStartEndpoints(state);
}
