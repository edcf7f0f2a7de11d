import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSim } from "./server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-state-"));
const stateFile = path.join(dir, "sim-state.json");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function api(baseUrl: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", "x-api-key": "points-demo-private-key" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { data?: Record<string, unknown> } };
}

describe("stateFile", () => {
  it("keeps orders across a restart, and new orders continue the id sequence", async () => {
    const first = await startSim({ port: 0, stateFile });
    const created = await api(first.apiBaseUrl, "POST", "/orders/earning", {
      phone_number: "512345678",
      total_price: 100,
      order_number: "PERSIST-1",
      products: [{ product_name: "Tea", product_price: 100, quantity: 1 }],
    });
    const uuid = String(created.json.data?.uuid);
    await api(first.apiBaseUrl, "POST", `/orders/${uuid}/refund`, { amount: 10, reason: "test" });
    await first.close();

    const second = await startSim({ port: 0, stateFile });
    const read = await api(second.apiBaseUrl, "GET", `/orders/${uuid}`);
    expect(read.status).toBe(200);
    expect(read.json.data).toMatchObject({ order_number: "PERSIST-1", order_status: "partially_refunded" });
    const next = await api(second.apiBaseUrl, "POST", "/orders/earning", {
      phone_number: "512345678",
      total_price: 5,
      order_number: "PERSIST-2",
      products: [{ product_name: "Tea", product_price: 5, quantity: 1 }],
    });
    expect(Number(next.json.data?.id)).toBeGreaterThan(Number(created.json.data?.id));
    await second.close();
  });
});
