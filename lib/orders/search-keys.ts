// How customers and support spell an order, reduced to one stored key each, so
// that every spelling is an index lookup (orders.order_number_key,
// reference_key, phones; the migration 20261201150751 backfilled them with the
// same rules in SQL).

/** `#DEMO-C 0002 ` and `demo-c-0002`-style spellings: no whitespace, no leading `#`, lower case. */
export function numberKey(value: string): string {
  return value.replace(/\s+/g, "").replace(/^#+/, "").toLowerCase();
}

// points-api.md §1.5: +966…, 00966…, 966…, 0… or bare 5… all mean 5XXXXXXXX.
const SAUDI_MOBILE = /^(?:\+966|00966|966|0)?(5\d{8})$/;

/** A Saudi mobile number as Points normalises it (5XXXXXXXX), or null when `value` is not one. */
export function phoneKey(value: string): string | null {
  return SAUDI_MOBILE.exec(value.replace(/[\s()-]/g, ""))?.[1] ?? null;
}

/** Every Saudi mobile number found among the values of `data` (any depth), each once. */
export function phonesIn(...data: unknown[]): string[] {
  const found = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (typeof v === "string" || typeof v === "number") {
      const phone = phoneKey(String(v));
      if (phone) found.add(phone);
    } else if (v && typeof v === "object" && depth < 8) {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  for (const d of data) visit(d, 0);
  return [...found];
}

/** "512345678" → "05•••••678": enough for a customer to recognise their number on a call. */
export function maskedPhone(phone: string): string {
  return `0${phone.slice(0, 1)}${"•".repeat(phone.length - 4)}${phone.slice(-3)}`;
}

// Points documents no customer field on read (§3.1); a key named like one is taken if it ever appears.
const PHONE_FIELD = /phone|mobile/i;

/** The numbers an order carries: anywhere in the merchant's metadata, or in a phone-named field of Points' data. */
export function orderPhones(order: Record<string, unknown>): string[] {
  const pointsFields = Object.entries(order)
    .filter(([key]) => PHONE_FIELD.test(key))
    .map(([, v]) => v);
  return phonesIn(order.metadata, ...pointsFields);
}
