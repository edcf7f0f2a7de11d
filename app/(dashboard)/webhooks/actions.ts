"use server";
// Replays from the delivery log, for ops. Replaying re-runs the projection,
// which owns its transactions; the audit entry follows it.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction, type ActionResult } from "@/lib/auth/safe-action";
import type { DeliveryStatus } from "@/lib/generated/prisma/client";
import { bulkChunkFields, filterQuery, parsedFilter } from "@/lib/http/url-query";
import { parseDeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { countReplayable, replayChunk, replayDelivery } from "@/lib/webhooks/replay-deliveries";

const common = {
  role: "ops",
  genericMessage: "Something went wrong. Try again; if it keeps happening, tell an engineer.",
} as const;

const replayOneInput = z.object({ id: z.string().regex(/^\d{1,19}$/, "not a delivery id") });

export const replayDeliveryAction = staffAction(
  { ...common, name: "replayDeliveryAction", input: replayOneInput },
  async ({ db, audit, input }): Promise<ActionResult<{ data: { status: DeliveryStatus } }>> => {
    const result = await replayDelivery(db, BigInt(input.id));
    if (!result.ok) {
      const t = await getTranslations("Webhooks.blocked");
      return { ok: false, message: t(result.reason === "not_found" ? "notFound" : result.reason) };
    }
    await audit({
      action: "webhook.replay",
      target: `webhook_delivery:${input.id}`,
      detail: { status: result.status },
    });
    return { ok: true, data: { status: result.status } };
  },
);

// The filter travels as the log's own query string, so it is validated by the same schema as the page.
export const countReplayableAction = staffAction(
  { ...common, name: "countReplayableAction", input: z.object({ filter: filterQuery }) },
  async ({ db, input }) => {
    const filter = parsedFilter(parseDeliveryFilter, input.filter);
    const asOf = new Date();
    return { ok: true, data: { total: await countReplayable(db, filter, asOf), asOf: asOf.toISOString() } };
  },
);

const chunkInput = z.object(bulkChunkFields);

export const replayChunkAction = staffAction(
  { ...common, name: "replayChunkAction", input: chunkInput },
  async ({ db, audit, input }) => {
    const { asOf, cursor } = input;
    const result = await replayChunk(db, parsedFilter(parseDeliveryFilter, input.filter), {
      asOf: new Date(asOf),
      cursor,
    });
    if (result.replayed > 0)
      await audit({
        action: "webhook.bulk_replay",
        target: `webhook_deliveries?${input.filter}`,
        detail: { asOf, cursor, replayed: result.replayed, ...result.summary },
      });
    return { ok: true, data: result };
  },
);
