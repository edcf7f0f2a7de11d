// The gate of the dashboard's own API routes: the role first (fails closed,
// 401/403 as JSON), and never a raw error in a response.
import { getLogger } from "@/lib/log/logger";
import { AccessDenied, requireRole, type StaffUser } from "./require-user";
import type { Role } from "./roles";

export function withRole(role: Role, handler: (request: Request, user: StaffUser) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request, await requireRole(role));
    } catch (error) {
      if (error instanceof AccessDenied)
        return Response.json({ ok: false, error: error.message }, { status: error.status });
      getLogger().error({ err: error, route: `${request.method} ${new URL(request.url).pathname}` }, "route failed");
      return Response.json({ ok: false, error: "Something went wrong. Try again." }, { status: 500 });
    }
  };
}

export const badRequest = (error: string) => Response.json({ ok: false, error }, { status: 400 });
