// One row in points_api_calls per HTTP attempt, for the order timeline and
// alerting. Bodies arrive here already redacted (send-request.ts).
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLogger } from "@/lib/log/logger";
import type { Notice } from "@/lib/result/action-result";

export interface CallRecord {
  method: string;
  path: string;
  status: number | null;
  ok: boolean;
  errorKind: string | null;
  errorMessage: string | null;
  /** the same by PointsErrors key and values, for readers in any language */
  errorNotice: Notice | null;
  latencyMs: number;
  attempt: number;
  requestBody: unknown;
  responseBody: unknown;
  orderUuid?: string;
  intentId?: string;
  /** When the attempt ended; a row written later (in a batch) keeps this time. */
  at?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The columns are uuid-typed; a malformed id must cost the link, not the row.
const asUuid = (v: string | undefined) => (v && UUID.test(v) ? v : undefined);

const asJson = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

export const callRow = (r: CallRecord): Prisma.PointsApiCallCreateManyInput => ({
  method: r.method,
  path: r.path,
  status: r.status,
  ok: r.ok,
  errorKind: r.errorKind,
  errorMessage: r.errorMessage,
  errorNotice: asJson(r.errorNotice),
  latencyMs: r.latencyMs,
  attempt: r.attempt,
  requestBody: asJson(r.requestBody),
  responseBody: asJson(r.responseBody),
  orderUuid: asUuid(r.orderUuid),
  intentId: asUuid(r.intentId),
  createdAt: r.at,
});

/** Never throws: a call log outage must not turn a good Points call into a failure. */
export async function recordCall(db: Db | undefined, r: CallRecord): Promise<void> {
  if (!db) return;
  try {
    await db.pointsApiCall.create({ data: callRow(r) });
  } catch (e) {
    getLogger().error({ err: e, path: r.path }, "could not record a Points API call");
  }
}
