// Demo orders, created through the Points sandbox double's real API so that
// they reach the dashboard the way production orders do: as webhooks. Covers
// every flow: earning, checkout (paid, two-step authorize/capture, abandoned,
// still open), cancellations, partial and full refunds, and shipping updates
// with Arabic and English labels. Deterministic, so every install looks alike.
const SHIPPING: Array<{ status: string; name_ar?: string; name_en?: string }> = [
  { status: "license_in_progress", name_ar: "قيد التجهيز", name_en: "Being prepared" },
  { status: "ready_shipping", name_ar: "جاهز للشحن", name_en: "Ready to ship" },
  { status: "delivery_is_in_progress", name_ar: "خرج للتوصيل", name_en: "Out for delivery" },
  { status: "delivered", name_ar: "تم التوصيل" },
];
const PRODUCTS = ["Cappuccino", "Flat white", "Date cake", "Saffron latte", "Arabic coffee beans 250g", "Cold brew"];

export interface SeedTarget {
  apiBaseUrl: string;
  simUrl: string;
  privateKey: string;
  publicKey: string;
  appUrl: string;
}

export interface SeedProgress {
  (done: number, total: number): void;
}

function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

export async function seedDemoOrders(target: SeedTarget, count = 300, onProgress?: SeedProgress): Promise<number> {
  const random = prng(20_260_418);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const amount = () => Math.round((20 + random() * 980) * 4) / 4;

  async function call(method: string, url: string, body?: unknown) {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json", accept: "application/json", "x-api-key": target.privateKey },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // 429 is the per-merchant lock: wait and resend the same request (points-api.md §6).
      if (res.status === 429 && attempt < 5) {
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
        continue;
      }
      const json = (await res.json()) as {
        data?: Record<string, unknown>;
        order?: Record<string, unknown>;
        message?: string;
        error?: string;
      };
      if (!res.ok)
        throw new Error(
          `${method} ${url.replace(target.simUrl, "")} → ${res.status} ${json.message ?? json.error ?? ""}`,
        );
      return json;
    }
  }
  const api = (method: string, path: string, body?: unknown) => call(method, `${target.apiBaseUrl}${path}`, body);
  const control = (method: string, path: string, body?: unknown) =>
    call(method, `${target.simUrl}/__control${path}`, body);

  async function afterSettlement(uuid: string, total: number) {
    if (random() < 0.55) {
      const steps = 1 + Math.floor(random() * SHIPPING.length);
      for (const update of SHIPPING.slice(0, steps)) await api("POST", `/orders/${uuid}/status`, update);
    }
    const r = random();
    if (r < 0.12) await api("POST", `/orders/${uuid}/refund`, { reason: "Customer returned the order" });
    else if (r < 0.3) {
      await api("POST", `/orders/${uuid}/refund`, {
        amount: Math.round(total * 25) / 100,
        reason: "One item was missing",
      });
      if (random() < 0.3)
        await api("POST", `/orders/${uuid}/refund`, {
          amount: Math.round(total * 10) / 100,
          reason: "Late delivery goodwill",
        });
    }
  }

  for (let i = 1; i <= count; i++) {
    const total = amount();
    const products = [{ product_name: pick(PRODUCTS), product_price: total, quantity: 1 }];
    const phone = `5${String(10_000_000 + Math.floor(random() * 89_999_999))}`;
    const n = String(i).padStart(4, "0");

    if (random() < 0.4) {
      const { data } = await api("POST", "/orders/earning", {
        phone_number: phone,
        total_price: total,
        order_number: `DEMO-E-${n}`,
        products,
        metadata: { channel: pick(["pos", "web", "app"]), branch_code: pick(["RUH-01", "JED-02", "DMM-01"]) },
      });
      const uuid = typeof data?.uuid === "string" ? data.uuid : undefined;
      if (uuid) await afterSettlement(uuid, total);
    } else {
      const orderNumber = `DEMO-C-${n}`;
      const { data } = await api("POST", `/orders/checkout/${target.publicKey}`, {
        total_price: total,
        order_number: orderNumber,
        phone_number: phone,
        products,
        callback_url: `${target.appUrl}/checkout/callback?order=${orderNumber}`,
      });
      const session = String(data?.checkout_url ?? "")
        .split("/")
        .pop()!;
      const r = random();
      if (r < 0.08) continue; // shopper still in checkout: stays `new`
      if (r < 0.18) {
        await control("POST", `/checkout/${session}/abandon`, { reason: "Payment failed" });
        continue;
      }
      const twoStep = r < 0.35;
      const { order } = await control("POST", `/checkout/${session}/pay`, { mode: twoStep ? "authorize" : "approve" });
      const uuid = String(order?.uuid);
      if (twoStep) {
        if (random() < 0.2) {
          await api("POST", `/orders/${uuid}/cancel`, { reason: "Customer changed their mind" });
          continue;
        }
        await api("POST", `/orders/${uuid}/capture`);
      }
      await afterSettlement(uuid, total);
    }
    onProgress?.(i, count);
  }
  return count;
}
