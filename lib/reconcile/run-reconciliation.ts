// A reconciliation run: every selected order (select-orders.ts) is read from
// Points and compared, and its webhook history is checked against the state
// machine (lib/lifecycle). The reads stream (ordered-stream.ts) with as many
// in flight as Points answers quickly (adaptive-concurrency.ts); progress is
// written a batch of orders at a time in one transaction (differences,
// lifecycle flags, counters, cursor), so a run cut short — by its time budget
// or a crash — continues after the last batch written, counting nothing twice.
// Every write is made under the run's lease token (claim-run.ts): an invocation
// whose run was taken over stops at its next write.
import { leaseDurations } from "@/lib/config/env";
import type { Db } from "@/lib/db/prisma";
import { Prisma, type ReconcileRun } from "@/lib/generated/prisma/client";
import type { PointsClient } from "@/lib/points/client";
import { PointsApiError } from "@/lib/points/errors";
import { runError, storedRunErrorNotice, type RunError, type RunErrorNotice } from "./run-error";
import { callRow, recordCall, type CallRecord } from "@/lib/points/record-call";
import type { CallContext } from "@/lib/points/send-request";
import { recordLifecycleFlags } from "@/lib/lifecycle/record-flags";
import { AdaptiveConcurrency } from "./adaptive-concurrency";
import { claimRun, type ClaimedRun, type Trigger } from "./claim-run";
import { compareOrder, type FieldDifference, type OurOrder } from "./compare-order";
import { streamInOrder } from "./ordered-stream";
import { readOrder, selectOrders } from "./select-orders";

export interface ReconcileDeps {
  db: Db;
  client: Pick<PointsClient, "getOrder">;
}

export interface ReconcileOptions {
  trigger: Trigger;
  /** Stop starting new orders after this long; the run stays `running` and resumes next time. */
  budgetMs?: number;
  /** The most Points reads in flight at once (default 64); fewer while Points is slow or answers 429. */
  concurrency?: number;
  /** Paces the reads; pass one to watch its figures (the benchmark does). */
  limiter?: AdaptiveConcurrency;
  /** `done` counts orders checked plus orders that could not be checked. */
  onProgress?(done: number, planned: number): void;
  recentDays?: number;
  /** Orders per database write (and per read of our orders). */
  batchSize?: number;
  /** Continue this run only (if it is still running); never start a new one. */
  runId?: string;
}

export interface ReconcileSummary {
  runId: string | null;
  /** `busy`: another invocation holds the run's lease; the counts are that run's so far. */
  status: "running" | "completed" | "failed" | "busy";
  resumed: boolean;
  planned: number;
  checked: number;
  differing: number;
  errors: number;
  lastError: string | null;
  lastErrorNotice: RunErrorNotice | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

type Outcome = ({ uuid: string; differences: FieldDifference[] } | { uuid: string; error: RunError }) & {
  /** Call-log rows of the order's Points reads, written with its batch. */
  calls: CallRecord[];
};

// Points cannot answer any order with these; carrying on would only repeat the error.
export const FATAL_KINDS: ReadonlySet<string> = new Set(["invalid_key", "capability_disabled"]);

class FatalPointsError extends Error {
  constructor(readonly pointsError: PointsApiError) {
    super(pointsError.message);
  }
}

/** The run's lease was taken over by another invocation (this one stalled past it). */
class LeaseLost extends Error {}

type Lease = Pick<ReconcileRun, "id" | "leaseToken">;

/** Writes to the run only while this invocation still holds it; throws LeaseLost otherwise. */
async function updateHeld(
  db: Pick<Db, "reconcileRun">,
  lease: Lease,
  data: Prisma.ReconcileRunUpdateManyMutationInput,
) {
  const { count } = await db.reconcileRun.updateMany({
    where: { id: lease.id, leaseToken: lease.leaseToken, status: "running" },
    data,
  });
  if (count === 0) throw new LeaseLost();
  return db.reconcileRun.findUniqueOrThrow({ where: { id: lease.id } });
}

const renewedLease = () => new Date(Date.now() + leaseDurations().reconcileMs);

async function checkOne(deps: ReconcileDeps, ours: OurOrder, limiter: AdaptiveConcurrency): Promise<Outcome> {
  const uuid = ours.pointsUuid;
  const calls: CallRecord[] = [];
  const ctx: CallContext = {
    onAttempt: ({ status, latencyMs, retryAfterMs }) =>
      status === 429 ? limiter.onThrottle(retryAfterMs, Date.now()) : limiter.onAnswer(latencyMs),
    deferLog: (record) => calls.push(record),
  };
  try {
    const theirs = await deps.client.getOrder(uuid, ctx);
    let differences = compareOrder(ours, theirs);
    // A webhook may have updated our row while the GET was in flight.
    if (differences.length) differences = compareOrder(await readOrder(deps.db, uuid), theirs);
    return { uuid, differences, calls };
  } catch (error) {
    if (!(error instanceof PointsApiError)) throw error;
    if (error.kind === "not_found") return { uuid, differences: compareOrder(ours, null), calls };
    if (FATAL_KINDS.has(error.kind)) {
      // No batch will carry this order's calls: they are what alerting needs to see the refused key.
      for (const call of calls) await recordCall(deps.db, call);
      throw new FatalPointsError(error);
    }
    return { uuid, error: runError(error, uuid), calls };
  }
}

async function savePage(db: Db, lease: Lease, outcomes: Outcome[]) {
  const runId = lease.id;
  const checked = outcomes.filter((o) => "differences" in o);
  const failed = outcomes.filter((o): o is Extract<Outcome, { error: RunError }> => "error" in o);
  const rows = checked.flatMap((o) =>
    o.differences.map((d) => ({
      runId,
      orderUuid: o.uuid,
      field: d.field,
      kind: d.kind,
      ours: jsonValue(d.ours),
      theirs: jsonValue(d.theirs),
    })),
  );
  return db.$transaction(async (tx) => {
    // First, so the run's row stays locked under this lease until the page is saved.
    const run = await updateHeld(tx, lease, {
      cursor: outcomes.at(-1)!.uuid,
      checked: { increment: checked.length },
      differing: { increment: checked.filter((o) => o.differences.length > 0).length },
      errors: { increment: failed.length },
      ...(failed.length ? failed.at(-1)!.error : {}),
      lockedUntil: renewedLease(),
    });
    // A fresh look replaces what earlier runs left open for these orders.
    await tx.reconcileDifference.deleteMany({
      where: { orderUuid: { in: checked.map((o) => o.uuid) }, status: "open", runId: { not: runId } },
    });
    // A re-check may have added one of these to this run meanwhile: that one stands (one open per field).
    if (rows.length) await tx.reconcileDifference.createMany({ data: rows, skipDuplicates: true });
    await tx.pointsApiCall.createMany({ data: outcomes.flatMap((o) => o.calls.map(callRow)) });
    // The lifecycle check needs only our stored webhooks, so orders Points could not answer are checked too.
    await recordLifecycleFlags(
      tx,
      outcomes.map((o) => o.uuid),
    );
    return run;
  });
}

export const jsonValue = (v: FieldDifference["ours"]) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

function summaryOf(run: ReconcileRun, resumed: boolean, busy = false): ReconcileSummary {
  return {
    runId: run.id,
    status: busy ? "busy" : run.status,
    resumed,
    planned: run.planned,
    checked: run.checked,
    differing: run.differing,
    errors: run.errors,
    lastError: run.lastError,
    lastErrorNotice: storedRunErrorNotice(run.lastErrorNotice),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export async function runReconciliation(deps: ReconcileDeps, opts: ReconcileOptions): Promise<ReconcileSummary> {
  const { db } = deps;
  const claimed = await claimRun(db, opts.trigger, { recentDays: opts.recentDays, runId: opts.runId });
  if (claimed) return continueRun(deps, claimed, opts);
  // Leased by another invocation, or (with runId) already over: say how far it is.
  const current = opts.runId
    ? await db.reconcileRun.findUnique({ where: { id: opts.runId } })
    : await db.reconcileRun.findFirst({ where: { status: "running" }, orderBy: { startedAt: "desc" } });
  if (!current)
    return {
      runId: null,
      status: "busy",
      resumed: false,
      planned: 0,
      checked: 0,
      differing: 0,
      errors: 0,
      lastError: null,
      lastErrorNotice: null,
      startedAt: null,
      finishedAt: null,
    };
  return summaryOf(current, false, current.status === "running");
}

/** Works on a run claimRun handed out, until it is done or the budget ends; releases the lease either way. */
export async function continueRun(
  deps: ReconcileDeps,
  claimed: ClaimedRun,
  opts: Omit<ReconcileOptions, "trigger" | "runId">,
): Promise<ReconcileSummary> {
  const { db } = deps;
  let run = claimed.run;
  const deadline = opts.budgetMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.budgetMs;
  const limiter = opts.limiter ?? new AdaptiveConcurrency({ max: opts.concurrency ?? 64, initial: 4 });
  const batchSize = opts.batchSize ?? 200;
  const selection = { asOf: run.startedAt, recentDays: opts.recentDays };
  opts.onProgress?.(run.checked + run.errors, run.planned);

  const lease: Lease = { id: run.id, leaseToken: run.leaseToken };
  // Once the lease is lost the run is another invocation's: report it as stored now, or as this one
  // last saw it if it is gone (deleted meanwhile), rather than failing the call.
  const asStoredNow = async () => (await db.reconcileRun.findUnique({ where: { id: lease.id } })) ?? run;
  try {
    const finished = await streamInOrder({
      load: (after: OurOrder | null) => selectOrders(db, selection, after?.pointsUuid ?? run.cursor, batchSize),
      work: (order) => checkOne(deps, order, limiter),
      commit: async (outcomes) => {
        run = await savePage(db, lease, outcomes);
        opts.onProgress?.(run.checked + run.errors, run.planned);
      },
      limit: () => limiter.limit,
      more: () => Date.now() < deadline,
      batchSize,
    });
    if (finished) run = await updateHeld(db, lease, { status: "completed", finishedAt: new Date(), lockedUntil: null });
    if (run.status === "running") run = await updateHeld(db, lease, { lockedUntil: null });
  } catch (error) {
    // Taken over: the run is another invocation's now; report it as busy and write nothing.
    if (error instanceof LeaseLost) return summaryOf(await asStoredNow(), claimed.resumed, true);
    run = await updateHeld(db, lease, {
      status: "failed",
      finishedAt: new Date(),
      ...runError(error instanceof FatalPointsError ? error.pointsError : error),
      lockedUntil: null,
    }).catch((e: unknown) => {
      if (e instanceof LeaseLost) return asStoredNow();
      throw e;
    });
  }
  return summaryOf(run, claimed.resumed);
}
