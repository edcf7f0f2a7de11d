// GET /api/webhooks/deliveries – one page of the delivery log for the filters and position in the query string
import { getDb } from "@/lib/db/prisma";
import { parseDeliveryQuery } from "@/lib/webhooks/delivery-filters";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { badRequest, withRole } from "@/lib/auth/route-guard";

export const dynamic = "force-dynamic";

export type DeliveriesResponse = Awaited<ReturnType<typeof listDeliveries>>;

export const GET = withRole("ops", async (request) => {
  const query = parseDeliveryQuery(new URL(request.url).searchParams);
  if (!query.ok) return badRequest(query.error);
  return Response.json((await listDeliveries(getDb(), query.value)) satisfies DeliveriesResponse);
});
