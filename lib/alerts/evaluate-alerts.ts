// One evaluation of every rule: an alert opens when its rule starts holding,
// is kept current (summary, last seen) while it holds, and resolves when it
// stops. It runs under a transaction-scoped advisory lock, so evaluators on
// several instances (cron, npm start's loop, "Evaluate now") never open two
// alerts for one rule: whoever finds the lock taken skips this round.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gatherFacts } from "./gather-facts";
import { RULES } from "./rules";
import { loadThresholds } from "./thresholds";

export interface EvaluationResult {
  /** Another evaluator held the lock; nothing was changed. */
  skipped: boolean;
  fired: string[];
  resolved: string[];
  /** Alerts firing after this evaluation. */
  firing: number;
}

export async function evaluateAlerts(db: Db, opts: { overdueMs: number; now?: Date }): Promise<EvaluationResult> {
  const now = opts.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`
        SELECT pg_try_advisory_xact_lock(hashtext('points-ops:alerts:evaluate')) AS locked`;
      if (!lock?.locked)
        return { skipped: true, fired: [], resolved: [], firing: await tx.alert.count({ where: { state: "firing" } }) };

      const thresholds = await loadThresholds(tx);
      const facts = await gatherFacts(tx, now, thresholds, opts.overdueMs);
      const open = new Map<string, bigint>();
      const stale: bigint[] = [];
      for (const alert of await tx.alert.findMany({
        where: { state: "firing" },
        select: { id: true, rule: true },
        orderBy: { id: "asc" },
      })) {
        // A second firing alert of one rule cannot arise under the lock; should one exist, the oldest stays.
        if (open.has(alert.rule)) stale.push(alert.id);
        else open.set(alert.rule, alert.id);
      }

      const fired: string[] = [];
      const resolved: string[] = [];
      for (const rule of RULES) {
        const { holds, summary, detail } = rule.check(facts, thresholds);
        const id = open.get(rule.id);
        open.delete(rule.id);
        const data = { summary, detail: detail as Prisma.InputJsonValue, lastSeenAt: now };
        if (holds && id === undefined) {
          await tx.alert.create({ data: { ...data, rule: rule.id, severity: rule.severity, firedAt: now } });
          fired.push(rule.id);
        } else if (holds) {
          await tx.alert.update({ where: { id }, data });
        } else if (id !== undefined) {
          // The summary stays as last seen while holding: it says what the alert was about.
          await tx.alert.update({ where: { id }, data: { state: "resolved", resolvedAt: now } });
          resolved.push(rule.id);
        }
      }
      // Left over: alerts of rules that no longer exist.
      const orphans = [...stale, ...open.values()];
      if (orphans.length)
        await tx.alert.updateMany({ where: { id: { in: orphans } }, data: { state: "resolved", resolvedAt: now } });
      resolved.push(...open.keys());

      return { skipped: false, fired, resolved, firing: await tx.alert.count({ where: { state: "firing" } }) };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
