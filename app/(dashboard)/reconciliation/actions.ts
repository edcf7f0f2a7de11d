"use server";
// Reconciliation's actions. Each: ops role first (safeAction), then validated
// input, then the use case, which audits what it changed. Refusals a person can
// act on (Points does not have the order, a note is missing, Points could not
// be reached) are returned as written; anything else is logged and answered
// with a generic message.
import { after } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/require-user";
import { safeAction, type Refusal } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import { explainLifecycleFlag } from "@/lib/lifecycle/explain-flag";
import { healLifecycleFlag } from "@/lib/lifecycle/heal-flag";
import { getPointsClient } from "@/lib/points/get-points-client";
import { PointsApiError } from "@/lib/points/errors";
import {
  BULK_ACTIONS,
  BulkStopped,
  bulkChunk,
  countBulk,
  type BulkChunkResult,
} from "@/lib/reconcile/bulk-differences";
import { parseDifferenceFilter } from "@/lib/reconcile/difference-filters";
import { explainDifference, NOTE_MAX, type ExplainResult } from "@/lib/reconcile/explain-difference";
import { healDifference, healRefusalMessage } from "@/lib/reconcile/heal-difference";
import { recheckOrder, type RecheckResult } from "@/lib/reconcile/recheck-order";
import { startSlicedRun, type StartResult } from "@/lib/reconcile/run-in-slices";
import { TIME_ID_CURSOR } from "@/lib/db/keyset-page";

export type ActionResult<T> = { ok: true; data: T } | Refusal;

const GENERIC_ERROR = "Something went wrong. Try again; if it keeps happening, tell an engineer.";

// A Points failure (unreachable, busy, key refused) is the answer, in its own words.
const asOps = <T>(name: string, run: (user: StaffUser) => Promise<ActionResult<T>>): Promise<ActionResult<T>> =>
  safeAction(name, "ops", GENERIC_ERROR, async (user) => {
    try {
      return await run(user);
    } catch (error) {
      if (error instanceof PointsApiError)
        return { ok: false, message: `Points could not be asked: ${error.message}.` };
      if (error instanceof BulkStopped) return { ok: false, message: error.message };
      throw error;
    }
  });

const invalid = (issues: z.ZodError): ActionResult<never> => ({
  ok: false,
  message: `Invalid request: ${issues.issues[0]?.message ?? "bad input"}.`,
});

const deps = () => ({ db: getDb(), client: getPointsClient() });

export async function startRunAction(): Promise<ActionResult<StartResult>> {
  return asOps("startRunAction", async (user) => {
    const result = await startSlicedRun(deps(), after);
    if (result.started)
      await recordAudit(getDb(), {
        actorId: user.id,
        action: "reconcile.run",
        target: `reconcile_run:${result.run.id}`,
        detail: { resumed: result.resumed },
      });
    return { ok: true, data: result };
  });
}

const orderInput = z.object({ orderUuid: z.uuid("not an order uuid") });

export async function healDifferenceAction(
  input: z.input<typeof orderInput>,
): Promise<ActionResult<{ closed: number }>> {
  return asOps("healDifferenceAction", async (user) => {
    const parsed = orderInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await healDifference(deps(), { orderUuid: parsed.data.orderUuid, actorId: user.id });
    return result.healed
      ? { ok: true, data: { closed: result.closed } }
      : { ok: false, message: healRefusalMessage(result) };
  });
}

export async function recheckDifferenceAction(input: z.input<typeof orderInput>): Promise<ActionResult<RecheckResult>> {
  return asOps("recheckDifferenceAction", async (user) => {
    const parsed = orderInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return { ok: true, data: await recheckOrder(deps(), { orderUuid: parsed.data.orderUuid, actorId: user.id }) };
  });
}

const note = z
  .string()
  .trim()
  .min(1, "a note is required")
  .max(NOTE_MAX, `the note is longer than ${NOTE_MAX} characters`);
const explainInput = z.object({ id: z.string().regex(/^\d{1,19}$/, "not an id"), note });

function explained(result: ExplainResult, what: string): ActionResult<null> {
  if (result.explained) return { ok: true, data: null };
  const message = {
    note_required: `Write a note saying why the ${what} is fine.`,
    not_open: `This ${what} is no longer open; the page is refreshed.`,
    not_found: `This ${what} no longer exists; the page is refreshed.`,
  }[result.reason];
  return { ok: false, message };
}

export async function explainDifferenceAction(input: z.input<typeof explainInput>): Promise<ActionResult<null>> {
  return asOps("explainDifferenceAction", async (user) => {
    const parsed = explainInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return explained(
      await explainDifference(getDb(), { id: BigInt(parsed.data.id), note: parsed.data.note, actorId: user.id }),
      "difference",
    );
  });
}

// Bulk actions carry the page's filter as its query string, validated by the page's own schema.
const filterInput = z.string().max(2_000);
const bulkAction = z.enum(BULK_ACTIONS);

export async function countBulkAction(input: {
  filter: string;
}): Promise<ActionResult<{ total: number; asOf: string }>> {
  return asOps("countBulkAction", async () => {
    const parsed = z.object({ filter: filterInput }).safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filter = parseDifferenceFilter(new URLSearchParams(parsed.data.filter));
    if (!filter.ok) return { ok: false, message: filter.error };
    const asOf = new Date();
    return { ok: true, data: { total: await countBulk(getDb(), filter.value, asOf), asOf: asOf.toISOString() } };
  });
}

const chunkInput = z
  .object({
    filter: filterInput,
    action: bulkAction,
    asOf: z.iso.datetime(),
    cursor: z.string().regex(TIME_ID_CURSOR, "not a position").nullable(),
    note: note.optional(),
  })
  .refine((v) => v.action !== "explain" || v.note, { path: ["note"], message: "a note is required" });

export async function bulkChunkAction(input: z.input<typeof chunkInput>): Promise<ActionResult<BulkChunkResult>> {
  return asOps("bulkChunkAction", async (user) => {
    const parsed = chunkInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const filter = parseDifferenceFilter(new URLSearchParams(parsed.data.filter));
    if (!filter.ok) return { ok: false, message: filter.error };
    const { action, asOf, cursor } = parsed.data;
    const result = await bulkChunk(deps(), filter.value, {
      action,
      asOf: new Date(asOf),
      cursor,
      note: parsed.data.note,
      actorId: user.id,
    });
    // Each item is audited against its order by its use case; this entry ties them to the bulk action.
    if (result.walked > 0)
      await recordAudit(getDb(), {
        actorId: user.id,
        action: `reconcile.bulk_${action}`,
        target: `reconcile_differences?${parsed.data.filter}`,
        detail: {
          asOf,
          cursor,
          walked: result.walked,
          succeeded: result.succeeded,
          closed: result.closed,
          failed: result.failures.length,
        },
      });
    return { ok: true, data: result };
  });
}

const flagInput = z.object({ id: z.string().regex(/^\d{1,19}$/, "not a flag id") });

export async function healFlagAction(
  input: z.input<typeof flagInput>,
): Promise<ActionResult<{ historyLegal: boolean }>> {
  return asOps("healFlagAction", async (user) => {
    const parsed = flagInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await healLifecycleFlag(deps(), { id: BigInt(parsed.data.id), actorId: user.id });
    if (result.healed) return { ok: true, data: { historyLegal: result.historyLegal } };
    if (result.reason === "refused") return { ok: false, message: healRefusalMessage(result.refusal) };
    return { ok: false, message: "This flag is no longer open; the page is refreshed." };
  });
}

export async function explainFlagAction(input: z.input<typeof explainInput>): Promise<ActionResult<null>> {
  return asOps("explainFlagAction", async (user) => {
    const parsed = explainInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return explained(
      await explainLifecycleFlag(getDb(), { id: BigInt(parsed.data.id), note: parsed.data.note, actorId: user.id }),
      "flag",
    );
  });
}
