// GET /api/palette?q= – the command palette's server lookup: orders (any staff), deliveries (ops and above)
import { badRequest, withRole } from "@/lib/auth/route-guard";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/prisma";
import { findJumpTargets, jumpQuerySchema, type JumpTargets } from "@/lib/palette/jump-targets";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", async (request, user) => {
  const parsed = jumpQuerySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return badRequest(`q ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  const targets = await findJumpTargets(getDb(), parsed.data.q, { deliveries: hasRole(user.role, "ops") });
  return Response.json(targets satisfies JumpTargets);
});
