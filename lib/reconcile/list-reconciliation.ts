// What the reconciliation page shows besides the difference list: the latest
// runs, the run in progress, and the open differences counted by field and kind.
import type { Db } from "@/lib/db/prisma";
import type { ReconcileRun } from "@/lib/generated/prisma/client";
import { isLeased } from "./claim-run";
import { storedRunErrorNotice, type RunErrorNotice } from "./run-error";

export const RUNS_SHOWN = 20;

type StoredRunRow = Pick<
  ReconcileRun,
  | "id"
  | "status"
  | "trigger"
  | "startedAt"
  | "finishedAt"
  | "planned"
  | "checked"
  | "differing"
  | "errors"
  | "lastError"
  | "lastErrorNotice"
>;

/** A run with its error's notice read back (null for runs stored before notices were). */
export type RunRow = Omit<StoredRunRow, "lastErrorNotice"> & { lastErrorNotice: RunErrorNotice | null };

/** A run as the browser polls it: JSON-safe, and whether an invocation is working on it right now. */
export interface RunProgress extends Omit<RunRow, "startedAt" | "finishedAt"> {
  startedAt: string;
  finishedAt: string | null;
  working: boolean;
}

export interface DifferenceGroup {
  field: string;
  kind: string;
  count: number;
}

const runSelect = {
  id: true,
  status: true,
  trigger: true,
  startedAt: true,
  finishedAt: true,
  planned: true,
  checked: true,
  differing: true,
  errors: true,
  lastError: true,
  lastErrorNotice: true,
  lockedUntil: true,
} as const;

const toRunRow = ({ lastErrorNotice, ...run }: StoredRunRow): RunRow => ({
  ...run,
  lastErrorNotice: storedRunErrorNotice(lastErrorNotice),
});

export async function listRuns(db: Db, take = RUNS_SHOWN): Promise<RunRow[]> {
  const runs = await db.reconcileRun.findMany({ orderBy: { startedAt: "desc" }, take, select: runSelect });
  return runs.map(toRunRow);
}

export function toRunProgress(run: StoredRunRow & Pick<ReconcileRun, "lockedUntil">, now = new Date()): RunProgress {
  const { lockedUntil, ...stored } = run;
  const row = toRunRow(stored);
  return {
    ...row,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    working: run.status === "running" && isLeased({ lockedUntil }, now),
  };
}

export async function readRunProgress(db: Db, id: string): Promise<RunProgress | null> {
  const run = await db.reconcileRun.findUnique({ where: { id }, select: runSelect });
  return run && toRunProgress(run);
}

/** The run still going (being worked on, or waiting to be continued), if any. */
export async function currentRunProgress(db: Db): Promise<RunProgress | null> {
  const run = await db.reconcileRun.findFirst({
    where: { status: "running" },
    orderBy: { startedAt: "desc" },
    select: runSelect,
  });
  return run && toRunProgress(run);
}

export async function groupOpenDifferences(db: Db): Promise<DifferenceGroup[]> {
  const groups = await db.reconcileDifference.groupBy({
    by: ["field", "kind"],
    where: { status: "open" },
    _count: { _all: true },
    orderBy: [{ field: "asc" }, { kind: "asc" }],
  });
  return groups.map((g) => ({ field: g.field, kind: g.kind, count: g._count._all }));
}
