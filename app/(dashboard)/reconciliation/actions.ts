"use server";
// Reconciliation's actions, for ops. The use cases read Points and audit what
// they changed, each item against its order; they own their transactions
// because a transaction must not wait on Points. A Points failure (unreachable,
// busy, key refused) is the answer, in its own words.
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { staffAction, type ActionResult } from "@/lib/auth/safe-action";
import { bulkChunkFields, filterQuery, parsedFilter } from "@/lib/http/url-query";
import { explainLifecycleFlag } from "@/lib/reconcile/explain-flag";
import { healLifecycleFlag } from "@/lib/reconcile/heal-flag";
import { PointsApiError } from "@/lib/points/errors";
import { getPointsClient } from "@/lib/points/get-points-client";
import { BULK_ACTIONS, bulkChunk, countBulk } from "@/lib/reconcile/bulk-differences";
import { parseDifferenceFilter } from "@/lib/reconcile/difference-filters";
import { explainDifference, NOTE_MAX, type ExplainResult } from "@/lib/reconcile/explain-difference";
import { healDifference, healRefusalNotice, type HealRefusal } from "@/lib/reconcile/heal-difference";
import { recheckOrder } from "@/lib/reconcile/recheck-order";
import { startSlicedRun } from "@/lib/reconcile/run-in-slices";

const common = {
  role: "ops",
  genericMessage: "Something went wrong. Try again; if it keeps happening, tell an engineer.",
  refuse: (error: unknown) =>
    error instanceof PointsApiError ? `Points could not be asked: ${error.message}.` : undefined,
} as const;

export const startRunAction = staffAction({ ...common, name: "startRunAction" }, async ({ db, audit }) => {
  const result = await startSlicedRun({ db, client: getPointsClient() }, after);
  if (result.started)
    await audit({
      action: "reconcile.run",
      target: `reconcile_run:${result.run.id}`,
      detail: { resumed: result.resumed },
    });
  return { ok: true, data: result };
});

/** Why a heal did not happen, for the person who asked, in their language. */
async function healRefusal(refusal: HealRefusal): Promise<string> {
  const t = await getTranslations("Reconciliation.refusals");
  const { code, values } = healRefusalNotice(refusal);
  return t(code, values);
}

const orderInput = z.object({ orderUuid: z.uuid("not an order uuid") });

export const healDifferenceAction = staffAction(
  { ...common, name: "healDifferenceAction", input: orderInput },
  async ({ db, user, input }): Promise<ActionResult<{ data: { closed: number } }>> => {
    const result = await healDifference({ db, client: getPointsClient() }, { ...input, actorId: user.id });
    return result.healed
      ? { ok: true, data: { closed: result.closed } }
      : { ok: false, message: await healRefusal(result) };
  },
);

export const recheckDifferenceAction = staffAction(
  { ...common, name: "recheckDifferenceAction", input: orderInput },
  async ({ db, user, input }) => ({
    ok: true,
    data: await recheckOrder({ db, client: getPointsClient() }, { ...input, actorId: user.id }),
  }),
);

const note = z
  .string()
  .trim()
  .min(1, "a note is required")
  .max(NOTE_MAX, `the note is longer than ${NOTE_MAX} characters`);
const explainInput = z.object({
  id: z
    .string()
    .regex(/^\d{1,19}$/, "not an id")
    .transform(BigInt),
  note,
});

async function explained(result: ExplainResult, what: "difference" | "flag"): Promise<ActionResult<{ data: null }>> {
  if (result.explained) return { ok: true, data: null };
  const t = await getTranslations("Reconciliation.refusals");
  const message = {
    note_required: t(what === "difference" ? "differenceNoteRequired" : "flagNoteRequired"),
    not_open: t(what === "difference" ? "differenceNotOpen" : "flagNotOpen"),
    not_found: t(what === "difference" ? "differenceNotFound" : "flagNotFound"),
  }[result.reason];
  return { ok: false, message };
}

export const explainDifferenceAction = staffAction(
  { ...common, name: "explainDifferenceAction", input: explainInput },
  async ({ db, user, input }) => explained(await explainDifference(db, { ...input, actorId: user.id }), "difference"),
);

// Bulk actions carry the page's filter as its query string, validated by the page's own schema.
export const countBulkAction = staffAction(
  { ...common, name: "countBulkAction", input: z.object({ filter: filterQuery }) },
  async ({ db, input }) => {
    const filter = parsedFilter(parseDifferenceFilter, input.filter);
    const asOf = new Date();
    return { ok: true, data: { total: await countBulk(db, filter, asOf), asOf: asOf.toISOString() } };
  },
);

const chunkInput = z
  .object({
    ...bulkChunkFields,
    action: z.enum(BULK_ACTIONS),
    note: note.optional(),
  })
  .refine((v) => v.action !== "explain" || v.note, { path: ["note"], message: "a note is required" });

export const bulkChunkAction = staffAction(
  { ...common, name: "bulkChunkAction", input: chunkInput },
  async ({ db, user, audit, input }) => {
    const { action, asOf, cursor } = input;
    const filter = parsedFilter(parseDifferenceFilter, input.filter);
    const result = await bulkChunk({ db, client: getPointsClient() }, filter, {
      action,
      asOf: new Date(asOf),
      cursor,
      note: input.note,
      actorId: user.id,
    });
    // Each item is audited against its order by its use case; this entry ties them to the bulk action.
    if (result.walked > 0)
      await audit({
        action: `reconcile.bulk_${action}`,
        target: `reconcile_differences?${input.filter}`,
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
  },
);

const flagInput = z.object({
  id: z
    .string()
    .regex(/^\d{1,19}$/, "not a flag id")
    .transform(BigInt),
});

export const healFlagAction = staffAction(
  { ...common, name: "healFlagAction", input: flagInput },
  async ({ db, user, input }): Promise<ActionResult<{ data: { historyLegal: boolean } }>> => {
    const result = await healLifecycleFlag({ db, client: getPointsClient() }, { id: input.id, actorId: user.id });
    if (result.healed) return { ok: true, data: { historyLegal: result.historyLegal } };
    if (result.reason === "refused") return { ok: false, message: await healRefusal(result.refusal) };
    const t = await getTranslations("Reconciliation.refusals");
    return { ok: false, message: t(result.reason === "not_found" ? "flagNotFound" : "flagNotOpen") };
  },
);

export const explainFlagAction = staffAction(
  { ...common, name: "explainFlagAction", input: explainInput },
  async ({ db, user, input }) => explained(await explainLifecycleFlag(db, { ...input, actorId: user.id }), "flag"),
);
