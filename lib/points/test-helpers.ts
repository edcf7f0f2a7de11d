// Shared by lib/points tests: the sandbox double on an ephemeral port, a fresh
// database for the call log, and a client wired to both with instant back-off.
import { createDb, type Db } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import type { FidelityMode } from "@/lib/sim/fidelity";
import { startSim, type SimServer } from "@/lib/sim/server";
import { createPointsClient, type PointsClientOptions } from "./client";

export interface Harness {
  sim: SimServer;
  db: Db;
  databaseUrl: string;
  /** Every back-off the clients asked for, in ms (the sleep itself is instant). */
  sleeps: number[];
  client(opts?: Partial<PointsClientOptions>): ReturnType<typeof createPointsClient>;
  control<T = any>(path: string, body?: unknown, method?: string): Promise<T>;
  /** API calls the double received, e.g. calls("POST", "/refund$"). */
  calls(
    method: string,
    path: string,
  ): Promise<Array<{ path: string; status: number; api_key_present: boolean; body: unknown }>>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** `fidelity`: the double's mode (default extended); see lib/testing/sim-modes.ts. */
export async function startHarness(prefix: string, fidelity?: FidelityMode): Promise<Harness> {
  const database = await createTestDatabase({ prefix });
  const db = createDb(database.url);
  const sim = await startSim({ port: 0, fidelity });
  const sleeps: number[] = [];
  const control = async (path: string, body?: unknown, method?: string) => {
    const res = await fetch(`${sim.url}/__control${path}`, {
      method: method ?? (body === undefined ? "GET" : "POST"),
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    sim,
    db,
    databaseUrl: database.url,
    sleeps,
    client: (opts = {}) =>
      createPointsClient({
        baseUrl: sim.apiBaseUrl,
        privateKey: sim.privateKey,
        publicKey: sim.publicKey,
        db,
        sleep: async (ms) => void sleeps.push(ms),
        ...opts,
      }),
    control,
    calls: async (method, path) => (await control(`/calls?method=${method}&path=${encodeURIComponent(path)}`)).calls,
    async reset() {
      sim.reset();
      sleeps.length = 0;
      await db.$executeRawUnsafe("TRUNCATE points_api_calls");
    },
    async close() {
      await sim.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** A checkout order at Points, paid by the shopper (`approve`), authorized only, or left `new`. */
export async function checkoutOrder(
  h: Harness,
  orderNumber: string,
  pay: "approve" | "authorize" | "none" = "approve",
  total = 200,
) {
  const started = await h.client().beginCheckout({
    total_price: total,
    order_number: orderNumber,
    phone_number: "0500000001",
    callback_url: `https://shop.test/cb?order=${orderNumber}`,
  });
  if (started.outcome !== "applied") throw new Error(`checkout: ${started.outcome}`);
  if (pay === "none") return (await h.control(`/orders/by-number/${orderNumber}`)).order.uuid as string;
  return (await h.control(`/checkout/${orderNumber}/pay`, { mode: pay })).order.uuid as string;
}

export const SAMPLE_EARNING = {
  phone_number: "0512345678",
  total_price: 115,
  order_number: "SALE-2026-0021",
  products: [{ product_name: "Cappuccino", product_price: 18.5, quantity: 2 }],
  metadata: { channel: "web" },
};
