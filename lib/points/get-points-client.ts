// The app's Points client, built once from the environment.
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { createPointsClient, type PointsClient } from "./client";

// Survives Next's hot reloads in dev, like the Prisma client.
const holder = globalThis as unknown as { pointsOpsClient?: PointsClient };

export function getPointsClient(): PointsClient {
  if (!holder.pointsOpsClient) {
    const { apiBaseUrl, privateKey, publicKey } = getConfig().points;
    holder.pointsOpsClient = createPointsClient({ baseUrl: apiBaseUrl, privateKey, publicKey, db: getDb() });
  }
  return holder.pointsOpsClient;
}
