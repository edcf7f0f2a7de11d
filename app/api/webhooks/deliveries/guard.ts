// Shared by the delivery routes: ops and above only, and never a raw error in a response.
import { AccessDenied, requireRole, type StaffUser } from "@/lib/auth/require-user";
import { getLogger } from "@/lib/log/logger";

export function withOps(handler: (request: Request, user: StaffUser) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request, await requireRole("ops"));
    } catch (error) {
      if (error instanceof AccessDenied) return Response.json({ ok: false, error: error.message }, { status: error.status });
      getLogger().error({ err: error, route: `${request.method} ${new URL(request.url).pathname}` }, "route failed");
      return Response.json({ ok: false, error: "Something went wrong. Try again." }, { status: 500 });
    }
  };
}

export const badRequest = (error: string) => Response.json({ ok: false, error }, { status: 400 });
