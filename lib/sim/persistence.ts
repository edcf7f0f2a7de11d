// Optional persistence of the double's orders (SimOptions.stateFile), so that
// `npm start` after a restart still knows the demo orders the dashboard stored:
// without it every action on an old order would answer 404.
import fs from "node:fs";
import path from "node:path";
import type { SimOrder } from "./order-types";

const DATE_FIELDS = ["createdAt", "updatedAt"] as const;

export function loadOrders(file: string): SimOrder[] {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const parsed = JSON.parse(raw) as { orders?: Array<Record<string, unknown>> };
  return (parsed.orders ?? []).map((o) => {
    const order = { ...o } as Record<string, unknown>;
    for (const field of DATE_FIELDS) order[field] = new Date(String(o[field]));
    return order as unknown as SimOrder;
  });
}

/** Writes at most every `delayMs` (many changes per second during the seed) and atomically. */
export function createOrderSaver(file: string, orders: () => SimOrder[], delayMs = 250) {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ orders: orders() }));
    fs.renameSync(tmp, file);
  };
  return {
    schedule() {
      timer ??= setTimeout(save, delayMs);
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
}
