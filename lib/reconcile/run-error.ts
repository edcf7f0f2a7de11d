// A reconciliation run's last error as it is stored: the raw text for logs and
// engineers (`last_error`: Points' English message or a database error), and
// the same as a catalogue key with its values (`last_error_notice`), so the
// reconciliation page words it in the reader's language. An error that is not
// Points' has no sentence of ours beyond "unexpected": its raw text is the detail.
import { PointsApiError } from "@/lib/points/errors";
import type { Notice } from "@/lib/result/action-result";
import { storedNotice } from "@/lib/result/stored-notice";

/** The notice of a run's error; `orderUuid` names the order Points failed on, when it was one order's. */
export type RunErrorNotice = Notice & { orderUuid?: string };

export const UNEXPECTED_RUN_ERROR = "Reconciliation.runErrors.unexpected";

export interface RunError {
  lastError: string;
  lastErrorNotice: RunErrorNotice;
}

export function runError(error: unknown, orderUuid?: string): RunError {
  if (error instanceof PointsApiError)
    return {
      lastError: orderUuid ? `${orderUuid}: ${error.message}` : error.message,
      lastErrorNotice: orderUuid ? { ...error.notice, orderUuid } : error.notice,
    };
  return {
    lastError: error instanceof Error ? error.message : String(error),
    lastErrorNotice: { key: UNEXPECTED_RUN_ERROR },
  };
}

/** A stored notice read back; anything else (a run from before notices were stored) is null. */
export function storedRunErrorNotice(value: unknown): RunErrorNotice | null {
  const notice = storedNotice(value);
  if (!notice) return null;
  const orderUuid = (value as Record<string, unknown>).orderUuid;
  return typeof orderUuid === "string" ? { ...notice, orderUuid } : notice;
}
