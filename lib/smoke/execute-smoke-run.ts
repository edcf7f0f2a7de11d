// Runs a started smoke run's flows in order, recording each step (running →
// passed / failed / skipped, with a detail a person can act on and its
// duration), then the run's status: passed only when every flow passed. Each
// write renews the run's lease and is made only while the run is still
// running: a process that stalled until its run was closed as abandoned
// (start-smoke-run.ts) stops at its next write instead of carrying on.
import { getLogger } from "@/lib/log/logger";
import { pointsRefusal } from "@/lib/integration/points-refusal";
import { cancelFlow } from "./flows/cancel";
import { checkoutSessionFlow } from "./flows/checkout-session";
import { earningOrderFlow } from "./flows/earning-order";
import { refundFlow } from "./flows/refund";
import { shippingFlow } from "./flows/shipping";
import { webhookFlow } from "./flows/webhook";
import { PointsApiError } from "@/lib/points/errors";
import { followedBy, foreignDetail, smokeDetail, type SmokeDetail } from "./smoke-detail";
import type { SmokeDetailNotice } from "./smoke-detail-notice";
import { SmokeFailure, SmokeSkip, type FlowContext, type SmokeDeps, type SmokeFlowId } from "./smoke-flow";
import { smokeLease } from "./start-smoke-run";

const FLOW_RUNNERS: Array<[SmokeFlowId, (ctx: FlowContext) => Promise<SmokeDetail>]> = [
  ["earning_order", earningOrderFlow],
  ["checkout_session", checkoutSessionFlow],
  ["webhook", webhookFlow],
  ["refund", refundFlow],
  ["cancel", cancelFlow],
  ["shipping", shippingFlow],
];

export type StepStatus = "running" | "passed" | "failed" | "skipped";

export interface StepEvent {
  flow: SmokeFlowId;
  status: StepStatus;
  /** In English, as stored in `detail`. */
  detail?: string;
  /** The same by catalogue key, as stored in `detail_notice`. */
  detailNotice?: SmokeDetailNotice;
  durationMs?: number;
}

const HEALTH_TIMEOUT_MS = 5_000;

/** The run was closed as abandoned while this process was away. */
class RunClosed extends Error {}

export async function executeSmokeRun(
  deps: SmokeDeps,
  runId: string,
  onStep?: (event: StepEvent) => void,
): Promise<"passed" | "failed"> {
  const { db } = deps;
  const ctx: FlowContext = {
    ...deps,
    runId,
    orderNumber: (suffix) => `SMOKE-${runId.slice(0, 8).toUpperCase()}-${suffix}`,
    shared: {},
  };
  const record = async (
    flow: SmokeFlowId,
    event: Omit<StepEvent, "flow">,
    times: { startedAt?: Date; finishedAt?: Date },
  ) => {
    await db.$transaction(async (tx) => {
      // Locks the run while it is still ours: a closing start waits for this step, or this step finds it closed.
      const held = await tx.smokeRun.updateMany({
        where: { id: runId, status: "running" },
        data: { lockedUntil: smokeLease() },
      });
      if (held.count === 0) throw new RunClosed();
      await tx.smokeStep.update({
        where: { runId_flow: { runId, flow } },
        data: {
          status: event.status,
          detail: event.detail,
          detailNotice: event.detailNotice,
          durationMs: event.durationMs,
          ...times,
        },
      });
    });
    onStep?.({ flow, ...event });
  };
  try {
    return await runFlows(deps, ctx, record, runId);
  } catch (error) {
    if (error instanceof RunClosed) return "failed";
    throw error;
  }
}

type Record = (
  flow: SmokeFlowId,
  event: Omit<StepEvent, "flow">,
  times: { startedAt?: Date; finishedAt?: Date },
) => Promise<void>;

async function runFlows(
  deps: SmokeDeps,
  ctx: FlowContext,
  record: Record,
  runId: string,
): Promise<"passed" | "failed"> {
  const unreachable = await receiverUnreachable(deps.receiverUrl);
  let allPassed = true;
  for (const [flow, run] of FLOW_RUNNERS) {
    if (unreachable) {
      const first = flow === FLOW_RUNNERS[0]![0];
      await record(
        flow,
        { status: first ? "failed" : "skipped", ...stored(first ? unreachable : smokeDetail("notRunReceiver")) },
        { finishedAt: new Date() },
      );
      allPassed = false;
      continue;
    }
    const startedAt = new Date();
    await record(flow, { status: "running" }, { startedAt });
    const started = performance.now();
    const outcome = await runFlow(flow, () => run(ctx));
    allPassed &&= outcome.status === "passed";
    await record(flow, { ...outcome, durationMs: performance.now() - started }, { finishedAt: new Date() });
  }
  const status = allPassed ? "passed" : "failed";
  const closed = await deps.db.smokeRun.updateMany({
    where: { id: runId, status: "running" },
    data: { status, finishedAt: new Date(), lockedUntil: null },
  });
  return closed.count === 1 ? status : "failed";
}

const stored = (detail: SmokeDetail) => ({ detail: detail.text, detailNotice: detail.notice });

type Outcome = { status: StepStatus; detail: string; detailNotice: SmokeDetailNotice };

async function runFlow(flow: SmokeFlowId, run: () => Promise<SmokeDetail>): Promise<Outcome> {
  try {
    return { status: "passed", ...stored(await run()) };
  } catch (error) {
    if (error instanceof SmokeSkip) return { status: "skipped", ...stored(error.detail) };
    if (error instanceof SmokeFailure) return { status: "failed", ...stored(error.detail) };
    if (error instanceof PointsApiError)
      return { status: "failed", ...stored(foreignDetail(pointsRefusal(error) ?? error.message, error.notice)) };
    getLogger().error({ err: error, flow }, "smoke flow failed unexpectedly");
    return { status: "failed", ...stored(smokeDetail("unexpected")) };
  }
}

/** Nothing is sent to Points when its webhooks could not reach us: every flow would only time out. */
async function receiverUnreachable(receiverUrl: string): Promise<SmokeDetail | undefined> {
  // The health route sits beside the receiver, also behind a path prefix.
  const health = new URL("../health", receiverUrl);
  health.search = "";
  const advice = smokeDetail("receiverAdvice");
  try {
    const res = await fetch(health, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    if (res.ok) return undefined;
    return followedBy(
      smokeDetail("receiverStatus", {
        origin: health.origin,
        status: String(res.status),
        path: health.pathname,
        url: receiverUrl,
      }),
      advice,
    );
  } catch {
    return followedBy(
      smokeDetail("receiverUnreachable", { url: receiverUrl, health: health.href, seconds: HEALTH_TIMEOUT_MS / 1000 }),
      advice,
    );
  }
}
