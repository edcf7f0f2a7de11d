import { randomBytes } from "node:crypto";
import type { Clock } from "./clock";
import { ApiError } from "./http";
import { fromCents, toCents } from "./money";
import { newOrder, type NewOrderFields } from "./order-factory";
import {
  ACTION_VERB,
  ALLOWED,
  type OrderAction,
  type OrderChannel,
  type SimOrder,
  type WebhookEvent,
} from "./order-types";
import type { CheckoutInput, EarningInput, ProductRatingInput, ShippingInput } from "./schemas";
import { defaultLabel } from "./shipping-labels";

/** `refund`: set for refund events; the sink decides (by fidelity) which extras the webhook carries. */
export type EventSink = (event: WebhookEvent, order: SimOrder, refund?: { refundCents: number }) => void;

export interface PricingRules {
  pointsMultiplier: number;
  storeRatingPoints: number;
  productRatingPoints: number;
}

/** In-memory order store and the state machine of points-api.md §3.3. */
export class OrderStore {
  private readonly byUuid = new Map<string, SimOrder>();
  private nextId = 1;
  /** Told after every creation or change (persistence.ts hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly clock: Clock,
    private readonly pricing: () => PricingRules,
    private readonly emit: EventSink,
  ) {}

  list(): SimOrder[] {
    return [...this.byUuid.values()];
  }
  find(uuid: string): SimOrder | undefined {
    return this.byUuid.get(uuid);
  }
  findByNumber(orderNumber: string): SimOrder[] {
    return this.list().filter((o) => o.orderNumber === orderNumber);
  }
  findBySession(sessionId: string): SimOrder | undefined {
    return this.list().find((o) => o.sessionId === sessionId);
  }
  get(uuid: string): SimOrder {
    const order = this.byUuid.get(uuid);
    if (!order) throw new ApiError(404, "Order not found");
    return order;
  }
  clear(): void {
    this.byUuid.clear();
    this.nextId = 1;
  }
  /** Puts back orders saved by an earlier run (see persistence.ts). */
  restore(orders: SimOrder[]): void {
    // A loop, not Math.max(...ids): a spread of 100,000 arguments overflows the stack.
    for (const order of orders) {
      this.byUuid.set(order.uuid, order);
      this.nextId = Math.max(this.nextId, order.id + 1);
    }
  }

  // ASSUMPTION: purchases and checkouts share one order_number namespace;
  // each rating channel has its own review_reference namespace.
  private assertUnique(channel: OrderChannel, key: string, field: string): void {
    const group = (c: OrderChannel) => (c === "checkout" ? "purchase" : c);
    const taken = this.list().some((o) => group(o.channel) === group(channel) && o.orderNumber === key);
    if (taken) {
      const msg = `The ${field.replace("_", " ")} has already been taken.`;
      throw new ApiError(422, msg, { errors: { [field]: [msg] } });
    }
  }

  private create(fields: NewOrderFields): SimOrder {
    const order = newOrder(this.nextId++, this.clock.next(), fields);
    this.byUuid.set(order.uuid, order);
    this.onChange?.();
    return order;
  }

  private points(priceCents: number): number {
    return Math.round(fromCents(priceCents) * this.pricing().pointsMultiplier);
  }

  /** E1; `pending` = customer not activated yet, earning queued in `new`. */
  createEarning(input: EarningInput, pending: boolean): SimOrder {
    this.assertUnique("purchase", input.order_number, "order_number");
    const cents = toCents(input.total_price);
    const order = this.create({
      channel: "purchase",
      type: 1,
      orderNumber: input.order_number,
      totalPriceCents: cents,
      totalPoints: this.points(cents),
      metadata: input.metadata ?? null,
      items: input.products,
      phone: input.phone_number,
      name: input.name ?? null,
      amounts: {
        shipping: input.shipping_amount ?? null,
        tax: input.tax_amount ?? null,
        discount: input.discount_amount ?? null,
      },
      shippingAddress: input.shipping_address ?? null,
      pendingActivation: pending,
    });
    if (!pending) this.change(order, "approved", "approved");
    return order;
  }

  /** E2/E3: flat points per accepted rating; order_number = review_reference (ASSUMPTION). */
  createRating(channel: "store_rating" | "product_rating", input: ProductRatingInput, pending: boolean): SimOrder {
    this.assertUnique(channel, input.review_reference, "review_reference");
    const rules = this.pricing();
    const order = this.create({
      channel,
      type: 1,
      orderNumber: input.review_reference,
      totalPoints: channel === "store_rating" ? rules.storeRatingPoints : rules.productRatingPoints,
      metadata: input.metadata ?? null,
      phone: input.phone_number,
      pendingActivation: pending,
      rating: {
        value: input.rating ?? null,
        comment: input.comment ?? null,
        productId: input.product_id ?? null,
        productName: input.product_name ?? null,
      },
    });
    if (!pending) this.change(order, "approved", "approved");
    return order;
  }

  /** E4: a replacing order in `new`, reachable through its session id. */
  createCheckout(input: CheckoutInput): SimOrder {
    this.assertUnique("checkout", input.order_number, "order_number");
    const cents = toCents(input.total_price);
    return this.create({
      channel: "checkout",
      type: 2,
      orderNumber: input.order_number,
      totalPriceCents: cents,
      totalPoints: this.points(cents),
      metadata: input.metadata ?? null,
      items: input.products ?? [],
      phone: input.phone_number ?? null,
      name: input.name ?? null,
      amounts: {
        shipping: input.shipping_amount ?? null,
        tax: input.tax_amount ?? null,
        discount: input.discount_amount ?? null,
      },
      shippingAddress: input.shipping_address ?? null,
      callbackUrl: input.callback_url ?? null,
      sessionId: randomBytes(12).toString("hex"),
    });
  }

  private assertAllowed(order: SimOrder, action: OrderAction, replacingOnly = false): void {
    if (replacingOnly && order.type !== 2) {
      throw new ApiError(422, `Only replacing (checkout) orders can be ${ACTION_VERB[action]}.`, {
        order_status: order.orderStatus,
      });
    }
    if (!ALLOWED[action].includes(order.orderStatus)) {
      throw new ApiError(422, `Order cannot be ${ACTION_VERB[action]} while its status is ${order.orderStatus}.`, {
        order_status: order.orderStatus,
      });
    }
  }

  private change(
    order: SimOrder,
    status: SimOrder["orderStatus"],
    event: WebhookEvent,
    refund?: { refundCents: number },
  ) {
    order.orderStatus = status;
    order.updatedAt = this.clock.next();
    this.onChange?.();
    this.emit(event, order, refund);
  }

  authorize(uuid: string): SimOrder {
    const order = this.get(uuid);
    this.assertAllowed(order, "authorize", true);
    this.change(order, "authorized", "authorized");
    return order;
  }

  capture(uuid: string): SimOrder {
    const order = this.get(uuid);
    this.assertAllowed(order, "capture", true);
    this.change(order, "captured", "captured");
    return order;
  }

  /** ASSUMPTION: E8 fires `completed` only (not also `approved`). */
  complete(uuid: string, paymentMethod: string | null): SimOrder {
    const order = this.get(uuid);
    this.assertAllowed(order, "complete", true);
    order.paymentMethod = paymentMethod;
    this.change(order, "approved", "completed");
    return order;
  }

  cancel(uuid: string, reason: string | null, action: "cancel" | "abandon" = "cancel"): SimOrder {
    const order = this.get(uuid);
    this.assertAllowed(order, action);
    order.cancelReason =
      reason ?? (action === "abandon" ? "Checkout abandoned by customer" : "Order cancelled via API");
    this.change(order, "cancelled", "cancelled");
    return order;
  }

  /** Partial refunds allowed until the captured total is used up. */
  refund(uuid: string, amount: number | null, auto = false): { order: SimOrder; refundCents: number } {
    const order = this.get(uuid);
    this.assertAllowed(order, auto ? "auto_refund" : "refund", auto);
    const remaining = order.totalPriceCents - order.refundedCents;
    const refundCents = amount == null ? remaining : toCents(amount);
    if (refundCents > remaining) {
      const msg = `The refund amount exceeds the remaining refundable amount (${fromCents(remaining).toFixed(2)} SAR).`;
      throw new ApiError(422, msg, { errors: { amount: [msg] }, remaining_amount: fromCents(remaining) });
    }
    order.refundedCents += refundCents;
    const full = order.refundedCents >= order.totalPriceCents;
    this.change(order, full ? "fully_refunded" : "partially_refunded", auto ? "auto_refunded" : "refunded", {
      refundCents,
    });
    return { order, refundCents };
  }

  updateShipping(uuid: string, input: ShippingInput): SimOrder {
    const order = this.get(uuid);
    this.assertAllowed(order, "shipping");
    if (input.status != null) order.shippingStatus = input.status;
    if (input.name_ar != null || input.name_en != null) {
      const prev = order.customStatus;
      order.customStatus = {
        ar: input.name_ar ?? prev?.ar ?? null,
        // Stand-in for Points' Google Translate step (§2 E11).
        en: input.name_en ?? (input.name_ar != null ? `EN: ${input.name_ar}` : (prev?.en ?? null)),
      };
    } else if (input.status != null) {
      order.customStatus = defaultLabel(input.status);
    }
    order.updatedAt = this.clock.next();
    this.onChange?.();
    this.emit("shipping_status_updated", order);
    return order;
  }

  /** Hosted-checkout outcome; `authorize` models a two-step PSP. */
  pay(order: SimOrder, mode: "approve" | "authorize"): SimOrder {
    this.assertAllowed(order, "pay", true);
    order.paymentMethod = "points_checkout";
    if (mode === "authorize") this.change(order, "authorized", "authorized");
    else this.change(order, "approved", "approved");
    return order;
  }

  activate(uuid: string): SimOrder {
    const order = this.get(uuid);
    if (!order.pendingActivation) throw new ApiError(422, "Order is not waiting for customer activation.");
    this.assertAllowed(order, "activate");
    order.pendingActivation = false;
    this.change(order, "approved", "approved");
    return order;
  }
}
