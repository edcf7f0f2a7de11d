"use server";
// Reconciliation's actions. Each: ops role first (safeAction), then validated
// input, then the work; healing and explaining are audited in the lib.
import { z } from "zod";
import type { Refusal } from "@/lib/auth/safe-action";
import { safeAction } from "@/lib/auth/safe-action";
import type { StaffUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { getPointsClient } from "@/lib/points/get-points-client";
import { explainDifference, NOTE_MAX } from "@/lib/reconcile/explain-difference";
import { healDifference } from "@/lib/reconcile/heal-difference";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";

export type ActionResult<T> = { ok: true; data: T } | Refusal;

const GENERIC_ERROR = "Something went wrong. Try again; if it keeps happening, tell an engineer.";

const asOps = <T>(name: string, run: (user: StaffUser) => Promise<ActionResult<T>>): Promise<ActionResult<T>> =>
  safeAction(name, "ops", GENERIC_ERROR, run);

const invalid = (issues: z.ZodError): ActionResult<never> => ({ ok: false, message: `Invalid request: ${issues.issues[0]?.message ?? "bad input"}.` });

export interface RunSummary {
  runId: string | null;
  status: "running" | "completed" | "failed" | "busy";
  planned: number;
  checked: number;
  differing: number;
  errors: number;
  lastError: string | null;
}

export async function runReconciliationAction(): Promise<ActionResult<RunSummary>> {
  return asOps("runReconciliationAction", async () => {
    const s = await runReconciliation({ db: getDb(), client: getPointsClient() }, { trigger: "manual", budgetMs: 20_000 });
    return {
      ok: true,
      data: { runId: s.runId, status: s.status, planned: s.planned, checked: s.checked, differing: s.differing, errors: s.errors, lastError: s.lastError },
    };
  });
}

const healInput = z.object({ orderUuid: z.uuid("not an order uuid") });

export async function healDifferenceAction(input: z.input<typeof healInput>): Promise<ActionResult<{ closed: number }>> {
  return asOps("healDifferenceAction", async (user) => {
    const parsed = healInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await healDifference({ db: getDb(), client: getPointsClient() }, { orderUuid: parsed.data.orderUuid, actorId: user.id });
    if (result.healed) return { ok: true, data: { closed: result.closed } };
    return {
      ok: false,
      message:
        result.reason === "missing_at_points"
          ? "Points does not have this order, so there is no state to accept. Explain the difference instead."
          : `Points' state was applied but the order still differs (${(result.remaining ?? []).map((d) => d.field).join(", ") || "our copy is newer"}). Run again later.`,
    };
  });
}

const explainInput = z.object({
  id: z.string().regex(/^\d{1,19}$/, "not a difference id"),
  note: z.string().trim().min(1, "a note is required").max(NOTE_MAX, `the note is longer than ${NOTE_MAX} characters`),
});

export async function explainDifferenceAction(input: z.input<typeof explainInput>): Promise<ActionResult<null>> {
  return asOps("explainDifferenceAction", async (user) => {
    const parsed = explainInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const result = await explainDifference(getDb(), { id: BigInt(parsed.data.id), note: parsed.data.note, actorId: user.id });
    if (result.explained) return { ok: true, data: null };
    const message = {
      note_required: "Write a note saying why the difference is fine.",
      not_open: "This difference is no longer open; the page is refreshed.",
      not_found: "This difference no longer exists; the page is refreshed.",
    }[result.reason];
    return { ok: false, message };
  });
}
