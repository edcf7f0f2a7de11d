import { input } from "./control-input";
import { endpointBody, webhookConfigBody } from "./control-schemas";
import { toApiEndpoint } from "./endpoints";
import { ApiError } from "./http";
import { route, type Route } from "./router";
import type { Delivery } from "./webhook-delivery";

const json = (body: unknown, status = 200) => ({ status, body });

function deliveryJson(d: Delivery) {
  const { secret: _secret, body, ...rest } = d;
  return { ...rest, payload: JSON.parse(body) as unknown };
}

export const controlWebhookRoutes: Route[] = [
  // GET|POST /__control/webhooks/config – duplicates, shuffle, delay, pause/resume, retries
  route("GET", "/webhooks/config", (ctx) => json({ config: ctx.state.delivery.config })),
  route("POST", "/webhooks/config", (ctx) =>
    json({ config: ctx.state.delivery.configure(input(webhookConfigBody, ctx)) }),
  ),
  // GET|POST /__control/webhooks/endpoints – endpoints with their secrets; register one directly
  route("GET", "/webhooks/endpoints", (ctx) =>
    json({ endpoints: ctx.state.endpoints.list().map((e) => toApiEndpoint(e, true)) }),
  ),
  route("POST", "/webhooks/endpoints", (ctx) => {
    const body = input(endpointBody, ctx);
    const ep = ctx.state.endpoints.create({
      name: body.name ?? `control-${ctx.state.endpoints.list().length + 1}`,
      url: body.url,
      secret: body.secret ?? ctx.state.opts.webhookSecret,
    });
    return json({ endpoint: toApiEndpoint(ep, true) }, 201);
  }),
  // DELETE /__control/webhooks/endpoints/:uuid
  route("DELETE", "/webhooks/endpoints/:uuid", (ctx) =>
    json({ endpoint: toApiEndpoint(ctx.state.endpoints.delete(ctx.params.uuid ?? ""), false) }),
  ),
  // GET /__control/deliveries – delivery log (?event=&order_id=&state=)
  route("GET", "/deliveries", (ctx) => {
    const q = ctx.query;
    const list = ctx.state.delivery
      .list()
      .filter(
        (d) =>
          (!q.get("event") || d.event === q.get("event")) &&
          (!q.get("order_id") || d.order_id === q.get("order_id")) &&
          (!q.get("state") || d.state === q.get("state")),
      );
    return json({ deliveries: list.map(deliveryJson) });
  }),
  // GET /__control/deliveries/:id
  route("GET", "/deliveries/:id", (ctx) => {
    const d = ctx.state.delivery.find(ctx.params.id ?? "");
    if (!d) throw new ApiError(404, "Delivery not found");
    return json({ delivery: deliveryJson(d) });
  }),
  // POST /__control/deliveries/:id/replay – re-send the same body as a new delivery
  route("POST", "/deliveries/:id/replay", (ctx) => {
    const d = ctx.state.delivery.replay(ctx.params.id ?? "");
    if (!d) throw new ApiError(404, "Delivery not found");
    return json({ delivery: deliveryJson(d) }, 201);
  }),
];
