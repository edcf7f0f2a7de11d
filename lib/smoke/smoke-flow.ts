// What every smoke flow shares: the deps it runs with, the state earlier flows
// leave for later ones, and how a flow says it failed or could not run.
import type { Db } from "@/lib/db/prisma";
import { message } from "@/lib/i18n/message";
import type { Actor } from "@/lib/integration/endpoint-deps";
import type { PointsClient } from "@/lib/points/client";
import type { PointsApiError } from "@/lib/points/errors";
import type { AcceptedSecrets } from "@/lib/webhooks/accepted-secrets";
import { followedBy, foreignDetail, smokeDetail, type SmokeDetail } from "./smoke-detail";

export const SMOKE_FLOWS = ["earning_order", "checkout_session", "webhook", "refund", "cancel", "shipping"] as const;
export type SmokeFlowId = (typeof SMOKE_FLOWS)[number];

/** A flow's name, as the catalogue says it (GoLive.flows.<id>). */
export const flowLabel = (flow: SmokeFlowId) => message(`flows.${flow}`);

export interface SmokeDeps {
  db: Db;
  /** The configured Points, through the one client (calls are logged like any other). */
  client: PointsClient;
  authSecret: string | undefined;
  /** This process's receiver list, when the receiver runs in this process (the Go-live button). */
  accepted?: AcceptedSecrets;
  /** This app's receiver as Points must reach it (SMOKE_RECEIVER_URL, APP_URL, …). */
  receiverUrl: string;
  /** This app's public origin, for the checkout callback URL. */
  appUrl: string;
  /** The test customer's mobile number; unset in production unless SMOKE_PHONE_NUMBER is. */
  phoneNumber: string | undefined;
  actor: Actor | null;
  /** How long to wait for a webhook to be processed into our order store. */
  waitTimeoutMs?: number;
  pollMs?: number;
}

export interface SmokeOrder {
  uuid: string;
  orderNumber: string;
  total: number;
}

export interface FlowContext extends SmokeDeps {
  runId: string;
  /** SMOKE-<run>-<suffix>: unique per run, recognisable in Points Business and our order list. */
  orderNumber(suffix: string): string;
  /** Orders earlier flows created for later ones. */
  shared: { earning?: SmokeOrder; second?: SmokeOrder };
}

/** A flow's own verdict: what went wrong, in words ops can act on. */
export class SmokeFailure extends Error {
  override name = "SmokeFailure";
  constructor(readonly detail: SmokeDetail) {
    super(detail.text);
  }
}

/** The flow could not run because an earlier one did not leave what it needs. */
export class SmokeSkip extends Error {
  override name = "SmokeSkip";
  constructor(readonly detail: SmokeDetail) {
    super(detail.text);
  }
}

/** Points may or may not have acted on `call` for the order: our sentence, then Points' error by its key. */
export function notConfirmed(
  call: "earning" | "checkout" | "refund" | "cancel",
  orderNumber: string,
  result: { error: PointsApiError; message: string },
): SmokeFailure {
  return new SmokeFailure(
    followedBy(smokeDetail("notConfirmed", { call, orderNumber }), foreignDetail(result.message, result.error.notice)),
  );
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
