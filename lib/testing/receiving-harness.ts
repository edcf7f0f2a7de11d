// The Points harness plus the app's own webhook receiver registered at the
// double, for suites that follow an order through Points' webhooks into a real
// PostgreSQL (refund ledger, order timeline).
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { checkoutOrder, startHarness, type Harness } from "@/lib/points/test-helpers";
import type { FidelityMode } from "@/lib/sim/fidelity";
import { startAppReceiver, type AppReceiver } from "./app-receiver";

export interface ReceivingHarness extends Harness {
  app: AppReceiver;
  /** Waits until the double delivered everything and the app processed it. */
  settled(): Promise<void>;
  /** A checkout order paid at Points (number `<prefix>-…`) whose webhooks the app has processed. */
  paidOrder(prefix: string, total: number): Promise<string>;
}

export async function startReceivingHarness(prefix: string, mode: FidelityMode): Promise<ReceivingHarness> {
  const h = await startHarness(prefix, mode);
  const app = await startAppReceiver({ databaseUrl: h.databaseUrl, db: h.db, secrets: [h.sim.webhookSecret] });
  const settled = async () => {
    await h.sim.waitForIdle();
    await expect
      .poll(() => h.db.webhookDelivery.count({ where: { status: { in: ["pending", "processing"] } } }), {
        timeout: 10_000,
      })
      .toBe(0);
  };
  return {
    ...h,
    app,
    settled,
    async paidOrder(orderPrefix, total) {
      const uuid = await checkoutOrder(h, `${orderPrefix}-${randomUUID().slice(0, 8)}`, "approve", total);
      await settled();
      return uuid;
    },
    async reset() {
      await h.reset();
      await h.control("/webhooks/endpoints", { url: app.url });
    },
    async close() {
      await app.close();
      await h.close();
    },
  };
}
