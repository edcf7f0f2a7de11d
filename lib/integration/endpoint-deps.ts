import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import type { AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";

export interface EndpointDeps {
  db: Db;
  client: PointsClient;
  authSecret: string | undefined;
  /** This process's receiver list, reloaded after a change so the next delivery needs no database read. */
  accepted?: AcceptedSecrets;
}

export interface Actor {
  id: string;
}
