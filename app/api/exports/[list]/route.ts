// GET /api/exports/<list> – a list (orders, webhooks, reconciliation, audit) for the filters in the query string,
// as a streamed CSV download, for the roles that may see the list's page; HEAD – how many rows that is, for the
// download's progress (lib/exports/export-route.ts).
import { exportRoute } from "@/lib/exports/export-route";
import { LIST_NAMES, type ListName } from "@/lib/lists/list-registry";

export const dynamic = "force-dynamic";
// A large export streams for a while; serverless functions must end.
export const maxDuration = 300;

const ROUTES = new Map(LIST_NAMES.map((list) => [list, exportRoute(list)]));

type Context = { params: Promise<{ list: string }> };

async function handler(method: "GET" | "HEAD", request: Request, { params }: Context): Promise<Response> {
  const route = ROUTES.get((await params).list as ListName);
  if (!route) return Response.json({ ok: false, error: "There is no such list." }, { status: 404 });
  return route[method](request);
}

export const GET = (request: Request, context: Context) => handler("GET", request, context);
export const HEAD = (request: Request, context: Context) => handler("HEAD", request, context);
