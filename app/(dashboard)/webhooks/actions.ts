"use server";
// Replays from the delivery log. Each action: ops role first, then validated
// input, then the work, then an audit entry; errors a person can act on are
// returned as written, anything else as a generic message (and logged).
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/require-user";
import { safeAction, type Refusal } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import type { DeliveryStatus } from "@/lib/generated/prisma/client";
import { cursorSchema, parseDeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { countReplayable, replayChunk, replayDelivery, type ReplayChunkResult } from "@/lib/webhooks/replay-deliveries";

export type ActionResult<T> = { ok: true; data: T } | Refusal;

const GENERIC_ERROR = "Something went wrong. Try again; if it keeps happening, tell an engineer.";

const asOps = <T>(name: string, run: (user: StaffUser) => Promise<ActionResult<T>>): Promise<ActionResult<T>> =>
  safeAction(name, "ops", GENERIC_ERROR, run);

const invalid = (issues: z.ZodError): ActionResult<never> => ({
  ok: false,
  message: `Invalid request: ${issues.issues[0]?.message ?? "bad input"}.`,
});

const replayOneInput = z.object({ id: z.string().regex(/^\d{1,19}$/, "not a delivery id") });

export async function replayDeliveryAction(
  input: z.input<typeof replayOneInput>,
): Promise<ActionResult<{ status: DeliveryStatus }>> {
  return asOps("replayDeliveryAction", async (user) => {
    const parsed = replayOneInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const db = getDb();
    const result = await replayDelivery(db, BigInt(parsed.data.id));
    if (!result.ok) return { ok: false, message: result.error };
    await recordAudit(db, {
      actorId: user.id,
      action: "webhook.replay",
      target: `webhook_delivery:${parsed.data.id}`,
      detail: { status: result.status },
    });
    return { ok: true, data: { status: result.status } };
  });
}

// The filter travels as the log's own query string, so it is validated by the same schema as the page.
const filterInput = z.string().max(2_000);

export async function countReplayableAction(input: {
  filter: string;
}): Promise<ActionResult<{ total: number; asOf: string }>> {
  return asOps("countReplayableAction", async () => {
    const parsed = z.object({ filter: filterInput }).safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filter = parseDeliveryFilter(new URLSearchParams(parsed.data.filter));
    if (!filter.ok) return { ok: false, message: filter.error };
    const asOf = new Date();
    return { ok: true, data: { total: await countReplayable(getDb(), filter.value, asOf), asOf: asOf.toISOString() } };
  });
}

const chunkInput = z.object({ filter: filterInput, asOf: z.iso.datetime(), cursor: cursorSchema.nullable() });

export async function replayChunkAction(input: z.input<typeof chunkInput>): Promise<ActionResult<ReplayChunkResult>> {
  return asOps("replayChunkAction", async (user) => {
    const parsed = chunkInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filter = parseDeliveryFilter(new URLSearchParams(parsed.data.filter));
    if (!filter.ok) return { ok: false, message: filter.error };
    const db = getDb();
    const { asOf, cursor } = parsed.data;
    const result = await replayChunk(db, filter.value, { asOf: new Date(asOf), cursor });
    if (result.replayed > 0)
      await recordAudit(db, {
        actorId: user.id,
        action: "webhook.bulk_replay",
        target: `webhook_deliveries?${parsed.data.filter}`,
        detail: { asOf, cursor, replayed: result.replayed, ...result.summary },
      });
    return { ok: true, data: result };
  });
}
