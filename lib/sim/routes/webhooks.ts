import { requirePrivateKey, requireVerifiedMerchant } from "../auth";
import { toApiEndpoint } from "../endpoints";
import { ok } from "../http";
import { route } from "../router";
import { webhookCreateSchema, webhookUpdateSchema } from "../schemas";
import { validate } from "../validate";

// GET /webhooks – list endpoints, paginated by per_page/page (W1; pagination shape ASSUMPTION)
const list = route("GET", "/webhooks", (ctx) => {
  requirePrivateKey(ctx);
  const all = ctx.state.endpoints.list();
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page")) || 15));
  const page = Math.max(1, Number(ctx.query.get("page")) || 1);
  const items = all.slice((page - 1) * perPage, page * perPage).map((e) => toApiEndpoint(e, false));
  return ok(items, "", {
    meta: {
      current_page: page,
      per_page: perPage,
      total: all.length,
      last_page: Math.max(1, Math.ceil(all.length / perPage)),
    },
  });
});

// POST /webhooks – register an endpoint; the secret is returned here only (W2)
const create = route("POST", "/webhooks", (ctx) => {
  requirePrivateKey(ctx);
  requireVerifiedMerchant(ctx);
  const input = validate(webhookCreateSchema, ctx.body);
  return ok(toApiEndpoint(ctx.state.endpoints.create(input), true), "Webhook created");
});

// GET /webhooks/:uuid – read one endpoint (W3)
const show = route("GET", "/webhooks/:uuid", (ctx) => {
  requirePrivateKey(ctx);
  return ok(toApiEndpoint(ctx.state.endpoints.get(ctx.params.uuid ?? ""), false));
});

// PUT|PATCH /webhooks/:uuid – update name/url (W4)
const update = route(["PUT", "PATCH"], "/webhooks/:uuid", (ctx) => {
  requirePrivateKey(ctx);
  requireVerifiedMerchant(ctx);
  const uuid = ctx.params.uuid ?? "";
  ctx.state.endpoints.get(uuid);
  const input = validate(webhookUpdateSchema, ctx.body);
  return ok(toApiEndpoint(ctx.state.endpoints.update(uuid, input), false), "Webhook updated");
});

// DELETE /webhooks/:uuid – delete an endpoint (W5; response shape ASSUMPTION)
const remove = route("DELETE", "/webhooks/:uuid", (ctx) => {
  requirePrivateKey(ctx);
  requireVerifiedMerchant(ctx);
  const ep = ctx.state.endpoints.delete(ctx.params.uuid ?? "");
  return ok({ uuid: ep.uuid }, "Webhook deleted");
});

export const webhookRoutes = [list, create, show, update, remove];
