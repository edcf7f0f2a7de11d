// Bulk heal, re-check or explain of every open difference matching the page's
// filter — on all pages, not only the one shown. A bulk action covers what
// matched when it was confirmed (found up to `asOf`) and walks it newest
// first in chunks, each chunk one server call, so no call runs for long and
// the browser can show progress. Each item goes through the same use case as
// its row button (and is audited by it); an item that fails is reported with
// its order and reason, never skipped in silence. A refused API key stops the
// walk: every further item would fail the same way.
import { ActionRefusal, type Notice } from "@/lib/result/action-result";
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PointsClient } from "@/lib/points/client";
import { PointsApiError } from "@/lib/points/errors";
import { orderNumbers } from "@/lib/orders/order-numbers";
import type { DifferenceFilter } from "./difference-filters";
import { explainDifference } from "./explain-difference";
import { healDifference, healRefusalNotice } from "./heal-difference";
import { cursorOf, differenceWhere, NEWEST_FIRST, olderThan } from "./list-differences";
import { mapPrefix } from "./pool";
import { recheckOrder } from "./recheck-order";
import { FATAL_KINDS } from "./run-reconciliation";

export const BULK_ACTIONS = ["heal", "recheck", "explain"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

// Heal and re-check read each order from Points; explaining is a local write.
const CHUNK: Record<BulkAction, number> = { heal: 20, recheck: 20, explain: 200 };
const CONCURRENCY = 4;

export interface BulkFailure {
  orderUuid: string;
  orderNumber: string | null;
  /** why, by catalogue key: the page words it in the reader's language */
  notice: Notice;
}

export interface BulkChunkResult {
  /** differences this chunk went through */
  walked: number;
  /** orders healed or re-checked, or differences explained */
  succeeded: number;
  /** differences closed (healing an order closes all its open differences) */
  closed: number;
  failures: BulkFailure[];
  nextCursor: string | null;
  done: boolean;
}

/** A refused key or a missing note: every further item would fail the same way. */
export class BulkStopped extends ActionRefusal {}

async function bulkWhere(db: Db, filter: DifferenceFilter, asOf: Date): Promise<Prisma.ReconcileDifferenceWhereInput> {
  return { AND: [await differenceWhere(db, { ...filter, status: "open" }), { createdAt: { lte: asOf } }] };
}

export async function countBulk(db: Db, filter: DifferenceFilter, asOf: Date): Promise<number> {
  return db.reconcileDifference.count({ where: await bulkWhere(db, filter, asOf) });
}

type Outcome = { ok: true; closed: number } | { ok: false; orderUuid: string; notice: Notice };

const refusal = (code: string, values: Notice["values"] = {}): Notice => ({
  key: `Reconciliation.refusals.${code}`,
  values,
});

/** A Points failure becomes the item's reason; a refused key stops the whole walk. */
function pointsFailure(orderUuid: string, error: unknown): Outcome {
  if (!(error instanceof PointsApiError)) throw error;
  if (FATAL_KINDS.has(error.kind)) throw new BulkStopped(error.message);
  return { ok: false, orderUuid, notice: error.notice };
}

function notHealed(result: Parameters<typeof healRefusalNotice>[0]): Notice {
  const { code, values } = healRefusalNotice(result);
  return refusal(code, values);
}

export async function bulkChunk(
  deps: { db: Db; client: Pick<PointsClient, "getOrder"> },
  filter: DifferenceFilter,
  opts: { action: BulkAction; asOf: Date; cursor: string | null; note?: string; actorId: string | null; size?: number },
): Promise<BulkChunkResult> {
  const { db } = deps;
  const size = opts.size ?? CHUNK[opts.action];
  const where = await bulkWhere(db, filter, opts.asOf);
  const rows = await db.reconcileDifference.findMany({
    where: opts.cursor ? { AND: [where, olderThan(opts.cursor)] } : where,
    orderBy: NEWEST_FIRST,
    take: size,
    select: { id: true, orderUuid: true, createdAt: true },
  });
  const actor = { actorId: opts.actorId };

  let outcomes: Outcome[];
  if (opts.action === "explain") {
    outcomes = [];
    for (const row of rows) {
      const r = await explainDifference(db, { id: row.id, note: opts.note ?? "", ...actor });
      if (r.explained) outcomes.push({ ok: true, closed: 1 });
      else if (r.reason === "note_required")
        throw new BulkStopped("Write a note saying why these differences are fine.");
      else
        outcomes.push({
          ok: false,
          orderUuid: row.orderUuid,
          notice: refusal("closedMeanwhile"),
        });
    }
  } else {
    // Healing or re-checking works on the whole order, so each order once.
    const orders = [...new Set(rows.map((r) => r.orderUuid))];
    outcomes = await mapPrefix(
      orders,
      CONCURRENCY,
      async (orderUuid): Promise<Outcome> => {
        try {
          if (opts.action === "recheck")
            return { ok: true, closed: (await recheckOrder(deps, { orderUuid, ...actor })).closed };
          const r = await healDifference(deps, { orderUuid, ...actor });
          return r.healed ? { ok: true, closed: r.closed } : { ok: false, orderUuid, notice: notHealed(r) };
        } catch (error) {
          return pointsFailure(orderUuid, error);
        }
      },
      () => true,
    );
  }

  const failed = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
  const numbers = await orderNumbers(
    db,
    failed.map((f) => f.orderUuid),
  );
  const last = rows.at(-1);
  const done = rows.length < size;
  return {
    walked: rows.length,
    succeeded: outcomes.length - failed.length,
    closed: outcomes.reduce((n, o) => n + (o.ok ? o.closed : 0), 0),
    failures: failed.map((f) => ({
      orderUuid: f.orderUuid,
      orderNumber: numbers.get(f.orderUuid) ?? null,
      notice: f.notice,
    })),
    nextCursor: done || !last ? null : cursorOf(last),
    done,
  };
}
