import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "./clock";
import { ApiError } from "./http";

export interface WebhookEndpoint {
  uuid: string;
  name: string;
  url: string;
  secret: string;
  createdAt: Date;
  updatedAt: Date;
}

export const MERCHANT_ID = 1;

/** Webhook endpoints of the single simulated merchant (W1–W5). */
export class EndpointStore {
  private readonly items = new Map<string, WebhookEndpoint>();

  constructor(private readonly clock: Clock) {}

  list(): WebhookEndpoint[] {
    return [...this.items.values()];
  }

  get(uuid: string): WebhookEndpoint {
    const ep = this.items.get(uuid);
    if (!ep) throw new ApiError(404, "Webhook not found");
    return ep;
  }

  // ASSUMPTION: duplicate URL → 422 (§2 W-rules, code UNKNOWN).
  private assertFreeUrl(url: string, except?: string): void {
    if (this.list().some((e) => e.url === url && e.uuid !== except)) {
      const msg = "The url has already been taken.";
      throw new ApiError(422, msg, { errors: { url: [msg] } });
    }
  }

  create(input: { name: string; url: string; secret?: string }): WebhookEndpoint {
    this.assertFreeUrl(input.url);
    const now = this.clock.next();
    const ep: WebhookEndpoint = {
      uuid: randomUUID(),
      name: input.name,
      url: input.url,
      secret: input.secret ?? `whsec_${randomBytes(24).toString("hex")}`,
      createdAt: now,
      updatedAt: now,
    };
    this.items.set(ep.uuid, ep);
    return ep;
  }

  update(uuid: string, input: { name?: string; url?: string }): WebhookEndpoint {
    const ep = this.get(uuid);
    if (input.url !== undefined) this.assertFreeUrl(input.url, uuid);
    if (input.name !== undefined) ep.name = input.name;
    if (input.url !== undefined) ep.url = input.url;
    ep.updatedAt = this.clock.next();
    return ep;
  }

  delete(uuid: string): WebhookEndpoint {
    const ep = this.get(uuid);
    this.items.delete(uuid);
    return ep;
  }

  clear(): void {
    this.items.clear();
  }
}

/** `withSecret`: the secret is shown at creation only (ASSUMPTION, §8.15). */
export function toApiEndpoint(ep: WebhookEndpoint, withSecret: boolean) {
  return {
    uuid: ep.uuid,
    merchant_id: MERCHANT_ID,
    name: ep.name,
    url: ep.url,
    ...(withSecret ? { secret: ep.secret } : {}),
    created_at: ep.createdAt.toISOString(),
    updated_at: ep.updatedAt.toISOString(),
  };
}
