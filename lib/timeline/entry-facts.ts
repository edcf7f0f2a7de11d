// What a timeline row says in words, read from the free-form JSON the use
// cases store (intent params, audit detail, a webhook's order snapshot). Only
// what is there is read, so an older row or an unknown field shows less,
// never breaks the page.

/** What a staff request asked of Points (action_intents.params, also copied into its audit detail). */
export interface RequestFacts {
  /** SAR; null for a refund of everything left. Absent for other kinds. */
  amount?: number | null;
  reason?: string;
  shippingStatus?: string;
  labelAr?: string;
  labelEn?: string;
  paymentMethod?: string;
}

/** A staff row: its request (when it sent one), how it went, and what it touched. */
export interface ActionFacts extends RequestFacts {
  outcome?: string;
  message?: string;
  note?: string;
  /** the fields a heal or an explanation closed */
  fields?: string[];
  /** the order status Points reported when a heal accepted it */
  orderStatus?: string;
  /** SAR of an order staff created (an earning, a payment link) */
  total?: number;
  channel?: string;
  /** masked when written (lib/orders/staff-requests.ts) */
  phone?: string;
}

/** A webhook row: the change Points announced. */
export interface WebhookFacts {
  orderStatus?: string;
  /** SAR of this refund; undocumented (points-api.md §4.3), shown only when Points sends it */
  refundAmount?: number;
  refundedTotal?: number;
  shippingStatus?: string;
  shippingLabel?: string;
  reason?: string;
}

type Json = Record<string, unknown>;

const objectOf = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Drops the keys left undefined, so a row's facts hold only what was found. */
function defined<T extends object>(facts: T): T {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as T;
}

export function requestFacts(kind: string, params: unknown): RequestFacts {
  const p = objectOf(params);
  return defined({
    amount: kind === "refund" ? (number(p.amount) ?? null) : undefined,
    reason: text(p.reason),
    shippingStatus: text(p.status),
    labelAr: text(p.nameAr),
    labelEn: text(p.nameEn),
    paymentMethod: text(p.paymentMethod),
  });
}

/** The intent kind an `order.*` audit action is about: `order.refund_approved` → `refund`. */
const requestKind = (action: string) => (action.startsWith("order.refund") ? "refund" : action.replace(/^order\./, ""));

export function actionFacts(action: string, detail: unknown): ActionFacts {
  const d = objectOf(detail);
  const fields = Array.isArray(d.differences)
    ? d.differences.map((x) => text(objectOf(x).field)).filter((f): f is string => f !== undefined)
    : text(d.field)
      ? [d.field as string]
      : undefined;
  return defined({
    reason: text(d.reason),
    ...(d.params !== undefined ? requestFacts(requestKind(action), d.params) : {}),
    outcome: text(d.outcome),
    message: text(d.message),
    note: text(d.note),
    fields: fields?.length ? fields : undefined,
    orderStatus: text(d.orderStatus),
    total: number(d.totalPrice),
    channel: text(d.channel),
    phone: text(d.phone),
  });
}

/** Reads the order snapshot of a stored delivery body; a body that is not JSON tells nothing. */
export function webhookFacts(rawBody: string): WebhookFacts {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return {};
  }
  const order = objectOf(objectOf(body).order);
  const custom = objectOf(order.custom_status);
  return defined({
    orderStatus: text(order.order_status),
    refundAmount: number(order.refund_amount),
    refundedTotal: number(order.refunded_total),
    // shipping events carry the shipping status in `order.status` (§4.3), sometimes as a legacy number
    shippingStatus: text(order.status) ?? (number(order.status) !== undefined ? String(order.status) : undefined),
    shippingLabel: text(order.status_label) ?? text(custom.ar) ?? text(custom.en),
    reason: text(order.reason),
  });
}
