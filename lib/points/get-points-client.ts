// The app's Points clients, built once from the environment.
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { createPointsClient, type PointsClient, type PointsClientOptions } from "./client";

// Survives Next's hot reloads in dev, like the Prisma client.
const holder = globalThis as unknown as { pointsOpsClients?: Map<string, PointsClient> };

function cached(name: string, extra: Partial<PointsClientOptions>): PointsClient {
  holder.pointsOpsClients ??= new Map();
  let client = holder.pointsOpsClients.get(name);
  if (!client) {
    const { apiBaseUrl, privateKey, publicKey } = getConfig().points;
    client = createPointsClient({ baseUrl: apiBaseUrl, privateKey, publicKey, db: getDb(), ...extra });
    holder.pointsOpsClients.set(name, client);
  }
  return client;
}

/** For staff actions and background work: the documented 10 s timeout and full retries. */
export function getPointsClient(): PointsClient {
  return cached("default", {});
}

/** For pages a person is waiting on (the customer callback): answer from our store rather than wait long. */
export function getInteractivePointsClient(): PointsClient {
  return cached("interactive", { timeoutMs: 3_000, retry: { maxAttempts: 2, maxDelayMs: 500 } });
}
