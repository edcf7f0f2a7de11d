// GET /api/timeline/payload?kind=webhook|api_call&id=N – one timeline row's raw payload, fetched when the row is opened on the order page
import { badRequest, withRole } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db/prisma";
import { entryPayload, payloadQuery, type PayloadResponse } from "@/lib/timeline/entry-payload";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", async (request) => {
  const params = new URL(request.url).searchParams;
  const parsed = payloadQuery.safeParse({ kind: params.get("kind"), id: params.get("id") });
  if (!parsed.success) return badRequest(parsed.error.issues[0]?.message ?? "Send ?kind=webhook&id=1.");
  const payload = await entryPayload(getDb(), parsed.data);
  if (!payload) return Response.json({ ok: false, error: "This entry does not exist." }, { status: 404 });
  return Response.json({ ok: true, payload } satisfies PayloadResponse);
});
