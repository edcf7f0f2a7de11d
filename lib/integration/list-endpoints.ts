// The webhook endpoints Points has for this merchant, each with whether
// points-ops holds its secret, and the stored secrets of endpoints Points no
// longer lists (deleted in Points Business): those are still accepted by the
// receiver until an admin forgets them.
import type { Db } from "@/lib/db/prisma";
import type { PointsClient } from "@/lib/points/client";
import { pointsRefusal } from "./points-refusal";

// Points' pagination format is UNKNOWN (§8.16); 100 is the double's maximum page.
export const ENDPOINT_PAGE = 100;

export interface EndpointRow {
  uuid: string;
  name: string;
  url: string;
  createdAt: string | null;
  secretStored: boolean;
}

export interface StoredOnly {
  uuid: string;
  name: string;
  url: string;
  createdAt: string;
}

export type EndpointList =
  | { ok: true; endpoints: EndpointRow[]; storedOnly: StoredOnly[]; mayHaveMore: boolean }
  | { ok: false; message: string; storedOnly: StoredOnly[] };

export async function listEndpoints(deps: { db: Db; client: PointsClient }): Promise<EndpointList> {
  const stored = await deps.db.webhookEndpointSecret.findMany({
    orderBy: { createdAt: "asc" },
    select: { endpointUuid: true, name: true, url: true, createdAt: true },
  });
  const asStoredOnly = (rows: typeof stored): StoredOnly[] =>
    rows.map((r) => ({ uuid: r.endpointUuid, name: r.name, url: r.url, createdAt: r.createdAt.toISOString() }));
  let items;
  try {
    items = (await deps.client.listWebhooks({ per_page: ENDPOINT_PAGE })).items;
  } catch (error) {
    const message = pointsRefusal(error);
    if (message === undefined) throw error;
    return { ok: false, message, storedOnly: asStoredOnly(stored) };
  }
  const storedIds = new Set(stored.map((s) => s.endpointUuid));
  const listed = new Set(items.map((e) => e.uuid));
  return {
    ok: true,
    endpoints: items.map((e) => ({
      uuid: e.uuid,
      name: e.name,
      url: e.url,
      createdAt: e.created_at ?? null,
      secretStored: storedIds.has(e.uuid),
    })),
    storedOnly: asStoredOnly(stored.filter((s) => !listed.has(s.endpointUuid))),
    mayHaveMore: items.length >= ENDPOINT_PAGE,
  };
}
