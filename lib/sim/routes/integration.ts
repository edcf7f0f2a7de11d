import { requirePrivateKey } from "../auth";
import { ok } from "../http";
import { route } from "../router";
import { integrationSchema } from "../schemas";
import { validate } from "../validate";

// POST /integration/status – toggle integration_active on the calling key (I1); idempotent
const toggle = route("POST", "/integration/status", (ctx) => {
  requirePrivateKey(ctx, { allowInactiveIntegration: true });
  const { active } = validate(integrationSchema, ctx.body);
  ctx.state.merchant.integrationActive = active;
  // The docs' example really answers with an array here.
  return ok({ active }, "Integration status updated", []);
});

export const integrationRoutes = [toggle];
